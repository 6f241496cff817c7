import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { SiteHeader } from '@/components/layout/SiteHeader'
import { themeInitScript } from '@/components/layout/theme'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Cloudbook — learn AWS by doing', template: '%s · Cloudbook' },
  description:
    'A notebook-style AWS course: read a lesson, run real AWS SDK code against a local emulator, pass the labs.',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // suppressHydrationWarning: the theme script below sets data-theme on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Inline and parser-blocking on purpose: the stored theme must apply before the first paint. */}
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main className="page" id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  )
}
