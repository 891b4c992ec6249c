// The container's health check: the portal answers /healthz. Plain Node (no curl in the slim
// image); the address is an argument so the check needs no configuration of its own.
const url = process.argv[2] ?? 'http://127.0.0.1:3000/healthz';
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  process.exitCode = response.ok ? 0 : 1;
} catch {
  process.exitCode = 1;
}
