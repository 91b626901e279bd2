/** Placeholder. */
export default function DesignerArea() {
  return <h1 className="page-title">DesignerArea</h1>;
}
