/** Placeholder. */
export default function SupervisorArea() {
  return <h1 className="page-title">SupervisorArea</h1>;
}
