/** Placeholder. */
export default function IntakeArea() {
  return <h1 className="page-title">IntakeArea</h1>;
}
