import Link from 'next/link'
import { EmulatorBadge } from '@/components/emulator/EmulatorBadge'

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Cloudbook
      </Link>
      <nav aria-label="Main">
        <Link href="/">Course</Link>
      </nav>
      <EmulatorBadge />
    </header>
  )
}
