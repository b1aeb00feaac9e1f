import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p>
        <Link to="/matches">Back to your matches</Link>
      </p>
    </section>
  );
}
