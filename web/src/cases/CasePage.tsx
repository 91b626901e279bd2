/** Placeholder. */
export default function CasePage() {
  return <h1 className="page-title">CasePage</h1>;
}
