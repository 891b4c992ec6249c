// Prints how many tests ran on each suite and database, from vitest's JSON reports.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'var/ci';
const suites = [
  ['node.json', 'npm test (SQLite)'],
  ['mysql.json', 'data layer on MariaDB'],
  ['browser.json', 'browser suite'],
];
let passed = 0;
let failed = 0;
for (const [file, label] of suites) {
  const full = path.join(dir, file);
  if (!existsSync(full)) continue;
  const report = JSON.parse(readFileSync(full, 'utf8'));
  const files = report.testResults ?? [];
  const dbFiles = files.filter(
    (f) => f.name.endsWith('.db.test.ts') || f.name.endsWith('.mysql.test.ts'),
  );
  const dbTests = dbFiles.reduce((n, f) => n + f.assertionResults.length, 0);
  console.log(
    `${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
      ` (${report.numTotalTests} tests in ${files.length} files; data-layer tests: ${dbTests} in ${dbFiles.length} files)`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
console.log(`total: ${passed} passed, ${failed} failed`);
