/** Builds the web front end once before the browser suite when it is missing or stale. */
import { ensureWebBuild } from '../../../portal/web/web-build.js';

export default async function setup(): Promise<void> {
  await ensureWebBuild({ quiet: true });
}
