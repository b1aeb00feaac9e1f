import type { Salary } from '../api/types';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatSalary(salary: Salary | null): string | null {
  if (!salary || (salary.min === null && salary.max === null)) return null;
  const money = (n: number) =>
    salary.currency ? new Intl.NumberFormat(undefined, { style: 'currency', currency: salary.currency, maximumFractionDigits: 0 }).format(n) : String(n);
  const range = salary.min !== null && salary.max !== null && salary.min !== salary.max ? `${money(salary.min)}–${money(salary.max)}` : money((salary.max ?? salary.min) as number);
  return salary.period ? `${range} per ${salary.period}` : range;
}

/** "full_time" → "Full time". */
export function formatEmploymentType(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
