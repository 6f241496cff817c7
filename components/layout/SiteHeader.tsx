import Link from 'next/link'
import { AccountNav } from '@/components/auth/AccountNav'
import { EmulatorBadge } from '@/components/emulator/EmulatorBadge'
import { SearchDialog } from '@/components/search/SearchDialog'
import { ShortcutsDialog } from './ShortcutsDialog'
import { ThemeToggle } from './ThemeToggle'

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Cloudbook
      </Link>
      <nav aria-label="Main">
        <Link href="/">Course</Link>
        <AccountNav />
      </nav>
      <div className="header-actions">
        <SearchDialog />
        <ThemeToggle />
        <ShortcutsDialog />
      </div>
      <EmulatorBadge />
    </header>
  )
}
