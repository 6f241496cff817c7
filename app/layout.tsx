import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { SiteHeader } from '@/components/layout/SiteHeader'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Cloudbook — learn AWS by doing', template: '%s · Cloudbook' },
  description: 'A notebook-style AWS course: read a lesson, run real AWS SDK code against a local emulator, pass the labs.',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SiteHeader />
        <main className="page" id="main">
          {children}
        </main>
      </body>
    </html>
  )
}
