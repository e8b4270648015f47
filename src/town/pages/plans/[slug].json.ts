/**
 * /plans/<slug>.json — a plan's fields and full text, its one JSON form (src/lib/model/records.ts),
 * whose fingerprint is the 核对码 on the page and the printed sheet.
 */
import type { APIRoute } from 'astro';
import type { PlanView } from '../../../lib/model/plans';
import { planRecordJson } from '../../../lib/model/records';
import { getSiteModel } from '../../model';

export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.plans.map((plan) => ({ params: { slug: plan.slug }, props: { plan } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(planRecordJson((props as { plan: PlanView }).plan), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
