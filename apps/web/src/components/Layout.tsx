import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { VerifyAddressBanner } from '../pages/AccountLinkPages';
import { useUnreadCount } from './UnreadCount';

function UnreadBadge() {
  const count = useUnreadCount({ poll: true });
  if (!count) return null;
  return (
    <span className="badge" data-testid="unread-badge" aria-label={`${count} unread`}>
      {count > 99 ? '99+' : count}
    </span>
  );
}

function Header() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const nav = [
    { to: '/matches', label: 'Matches' },
    { to: '/jobs', label: 'Jobs' },
    { to: '/notifications', label: 'Notifications', badge: true },
    { to: '/channels', label: 'Channels' },
    { to: '/settings', label: 'Settings' },
    ...(user?.role === 'admin' ? [{ to: '/admin', label: 'Admin' }] : []),
  ];
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="header-row">
        <NavLink to="/matches" className="brand">
          JobPing
        </NavLink>
        <button
          type="button"
          className="button link logout"
          onClick={async () => {
            await logout();
            void navigate('/login', { replace: true });
          }}
        >
          Log out
        </button>
      </div>
      <nav aria-label="Main">
        <ul className="nav-list">
          {nav.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                {item.label}
                {item.badge && <UnreadBadge />}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** Pages of a logged-in user: header with navigation, main region focused on navigation. */
export function AppLayout() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Move focus to the new page's content so keyboard and screen-reader users land there.
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <>
      <Header />
      <main id="main" ref={main} tabIndex={-1} className="page">
        <VerifyAddressBanner />
        <Outlet />
      </main>
    </>
  );
}

/** Sign up and log in: no navigation. */
export function PublicLayout() {
  return (
    <main id="main" className="page page-narrow">
      <p className="brand brand-large">JobPing</p>
      <Outlet />
    </main>
  );
}
