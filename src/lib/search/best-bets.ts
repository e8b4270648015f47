/**
 * 直达: when a resident types exactly the name of a village (community) or a responsible unit,
 * that place's own page comes first. Pagefind alone ranks it below the village's many monthly
 * disclosures, which carry the name just as often and are shorter.
 */
import { normaliseQuery, type QueryPlan } from './query';

export interface BestBet {
  names: string[];
  url: string;
  title: string;
}

export function bestBetFor(plan: QueryPlan, bets: readonly BestBet[]): BestBet | undefined {
  if (plan.words.length !== 1) return undefined;
  const word = plan.words[0]?.[0];
  return bets.find((b) => b.names.some((n) => normaliseQuery(n) === word));
}
