import { SectorRoute } from "./sector.route";

export default function SectorPortfolioRoute() {
  return <SectorRoute view="portfolio" />;
}
