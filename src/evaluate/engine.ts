import { Engine } from 'json-rules-engine';
import type { FactValue } from '../facts/normalise.js';
import type { Condition } from '../law/conditions.js';
import { and3, not3, or3, type Tri } from './kleene.js';
import { OPERATOR_TABLE } from './operators.js';
import type { PreparedElement, PreparedGroup, PreparedVersion } from './prepare.js';
import type { VersionStatuses } from './run.js';

/**
 * The reference semantics: the same expanded conditions run through json-rules-engine itself.
 *
 * How three values are read out of a two-valued engine (toolchain.md): every rule runs with
 * `allowUndefinedFacts: true` and no priorities, so every leaf is evaluated; a leaf whose fact was
 * absent is read as unknown (never as the engine's `notEqual`-is-true answer), and the tree is
 * folded with Kleene logic. Age intervals need operators the engine lacks: lessThan & co. are
 * registered to accept an interval, and a leaf whose interval straddles the bound is unknown.
 *
 * Safe use of the engine (toolchain.md traps): one Engine per stage of a prepared version, built
 * once and reused; no priorities, no `path` (so no JSONPath), and a run never starts from the catch
 * of a rejected run. Runs on one Engine do not share state here because every rule has the same
 * (default) priority.
 */

type Facts = Readonly<Record<string, FactValue>>;
type EngineRuleResult = { name: string; result: boolean; conditions: unknown };

const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;

interface StageRule {
  key: string;
  condition: Condition;
}

function makeEngine(rules: StageRule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of NUMERIC) {
    // Interval-aware: true only when every age in the interval passes.
    engine.addOperator(op, (fact: unknown, value: unknown) => OPERATOR_TABLE[op](fact as FactValue, value) === true);
  }
  for (const r of rules) {
    engine.addRule({ name: r.key, conditions: { all: [r.condition as never] }, event: { type: 'evaluated', params: { key: r.key } } });
  }
  return engine;
}

/** Fold the engine's evaluated tree with Kleene logic, reading absent facts as unknown. */
function fold(node: Record<string, unknown>): Tri {
  if (Array.isArray(node.all)) return and3((node.all as Record<string, unknown>[]).map(fold));
  if (Array.isArray(node.any)) return or3((node.any as Record<string, unknown>[]).map(fold));
  if (node.not && typeof node.not === 'object') return not3(fold(node.not as Record<string, unknown>));
  const fact = node.factResult as FactValue;
  if (fact === undefined) return undefined;
  const op = node.operator as keyof typeof OPERATOR_TABLE;
  if ((NUMERIC as readonly string[]).includes(op) && OPERATOR_TABLE[op](fact, node.value) === undefined) return undefined;
  return node.result as boolean;
}

interface EngineStages {
  child: Engine;
  main: Engine;
  last: Engine;
}

const engines = new WeakMap<PreparedVersion, EngineStages>();

function elementRules(prefix: string, g: PreparedGroup): StageRule[] {
  const rules: StageRule[] = [];
  g.elements.forEach((e: PreparedElement, i) => {
    rules.push({ key: `${prefix}#${i}`, condition: e.condition });
    if (e.notRequiredWhen) rules.push({ key: `${prefix}#${i}!off`, condition: e.notRequiredWhen });
  });
  return rules;
}

function stagesFor(pv: PreparedVersion): EngineStages {
  let s = engines.get(pv);
  if (!s) {
    s = {
      child: makeEngine(elementRules('child', pv.child)),
      main: makeEngine(pv.offences.flatMap((o) => elementRules(`offence:${o.id}`, o))),
      last: makeEngine([...elementRules('victim', pv.victim), ...(pv.scope ? elementRules('scope', pv.scope) : [])]),
    };
    engines.set(pv, s);
  }
  return s;
}

async function runStage(engine: Engine, facts: Record<string, unknown>): Promise<Map<string, Tri>> {
  const { results, failureResults } = (await engine.run(facts)) as unknown as { results: EngineRuleResult[]; failureResults: EngineRuleResult[] };
  const out = new Map<string, Tri>();
  for (const r of [...results, ...failureResults]) out.set(r.name, fold(r.conditions as Record<string, unknown>));
  return out;
}

function groupFrom(prefix: string, g: PreparedGroup, values: Map<string, Tri>): Tri {
  return and3(
    g.elements.map((e, i) => {
      const on = values.get(`${prefix}#${i}`);
      if (!e.notRequiredWhen) return on;
      const off = values.get(`${prefix}#${i}!off`);
      return off === true ? true : or3([off, on]);
    }),
  );
}

/** Statuses of a prepared version computed by json-rules-engine (three runs: child, offences, victim and scope). */
export async function runStatusesWithEngine(pv: PreparedVersion, facts: Facts): Promise<VersionStatuses> {
  const stages = stagesFor(pv);
  // Absent facts are passed as absent keys (never as undefined values the engine could match).
  const base: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) if (v !== undefined) base[k] = v;

  const childValues = await runStage(stages.child, base);
  const child = groupFrom('child', pv.child, childValues);
  const withChild = child === undefined ? base : { ...base, $child: child };
  const mainValues = await runStage(stages.main, withChild);
  const offences = pv.offences.map((o) => groupFrom(`offence:${o.id}`, o, mainValues));
  const trafficking = or3(offences.filter((_, i) => (pv.offences[i] as PreparedGroup).trafficking));
  const withAll = trafficking === undefined ? withChild : { ...withChild, $trafficking: trafficking };
  const lastValues = await runStage(stages.last, withAll);
  const out: VersionStatuses = { child, trafficking, victim: groupFrom('victim', pv.victim, lastValues), offences };
  if (pv.scope) out.scope = groupFrom('scope', pv.scope, lastValues);
  return out;
}
