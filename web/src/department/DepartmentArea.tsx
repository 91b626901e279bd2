/** Placeholder. */
export default function DepartmentArea() {
  return <h1 className="page-title">DepartmentArea</h1>;
}
