// `npm run bench`: runs every benchmark below, one after another (never in
// parallel: they would compete for the same two cores), and prints their
// results as one JSON array on stdout. `npm run bench -- home-page` runs only
// the named ones. Add a benchmark by appending to the list.
import { runAnalysis } from "./analysis";
import { log } from "./harness";
import { runHome } from "./home";
import { runLocalOffer } from "./local-offer";
import { runRevisitNoon } from "./revisit-noon";
import { runSurveys } from "./surveys";

export interface Benchmark {
  name: string;
  run: () => Promise<{ benchmark: string }>;
}

export const benchmarks: Benchmark[] = [
  { name: "home-page", run: () => runHome() },
  { name: "local-offer-search", run: () => runLocalOffer() },
  { name: "survey-journey", run: () => runSurveys() },
  { name: "revisit-noon", run: () => runRevisitNoon() },
  { name: "analysis", run: () => runAnalysis() },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
if (unknown.length) {
  log(`unknown benchmark(s): ${unknown.join(", ")}; known: ${benchmarks.map((b) => b.name).join(", ")}`);
  process.exit(2);
}

const results: Array<{ benchmark: string }> = [];
const failed: string[] = [];
for (const benchmark of benchmarks.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  try {
    results.push(await benchmark.run());
  } catch (error) {
    log(`${benchmark.name} failed: ${(error as Error).stack ?? String(error)}`);
    failed.push(benchmark.name);
  }
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
if (failed.length) {
  log(`failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
