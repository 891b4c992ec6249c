/**
 * Checks of the container deployments: every image carries a pinned version tag (no `latest`)
 * and is listed in the one images file; every variable a compose file references is defined in
 * its `.env.example`; every key a Kubernetes container reads from a ConfigMap or Secret is
 * defined by the kustomization's generator files.
 */
import type { Finding } from './finding.js';

/** An image reference and where it was found. */
export interface ImageUse {
  file: string;
  /** Service, container or stage that uses it. */
  where: string;
  image: string;
}

/** Name and tag of an image reference (`registry:5000/name:tag@sha256:...`). */
export function splitImage(image: string): {
  name: string;
  tag: string | undefined;
  digest: boolean;
} {
  const [reference, digest] = image.split('@');
  const slash = reference!.lastIndexOf('/');
  const colon = reference!.lastIndexOf(':');
  const tagged = colon > slash;
  return {
    name: tagged ? reference!.slice(0, colon) : reference!,
    tag: tagged ? reference!.slice(colon + 1) : undefined,
    digest: digest !== undefined,
  };
}

/** Each image has a version tag (not `latest`, not an interpolated one) and is in the list. */
export function checkImagesPinned(
  uses: readonly ImageUse[],
  listed: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const use of uses) {
    const { tag } = splitImage(use.image);
    const report = (message: string) =>
      findings.push({ file: use.file, where: use.where, message });
    if (use.image.includes('$')) report(`image ${use.image} takes its tag from a variable; pin it`);
    else if (tag === undefined) report(`image ${use.image} has no version tag`);
    else if (tag === 'latest' || !/\d/.test(tag))
      report(`image ${use.image} is not pinned to a version (tag "${tag}")`);
    if (!listed.has(use.image)) report(`image ${use.image} is not listed in infra/images.yaml`);
  }
  return findings;
}

/** Images of compose services; a service that builds must still name its pinned image. */
export function composeImages(file: string, compose: unknown): ImageUse[] {
  const services = (compose as { services?: Record<string, { image?: string }> })?.services ?? {};
  return Object.entries(services).map(([name, service]) => ({
    file,
    where: `service ${name}`,
    image: service.image ?? '(none: built without an image name)',
  }));
}

/** Container images in Kubernetes objects (pods, deployments, jobs, cron jobs). */
export function kubernetesImages(file: string, documents: readonly unknown[]): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const document of documents) {
    const object = document as { kind?: string; metadata?: { name?: string } };
    for (const container of containersOf(document)) {
      uses.push({
        file,
        where: `${object.kind ?? '?'} ${object.metadata?.name ?? '?'} container ${container.name ?? '?'}`,
        image: container.image ?? '(none)',
      });
    }
  }
  return uses;
}

interface Container {
  name?: string;
  image?: string;
  env?: { name: string; valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef } }[];
}
interface KeyRef {
  name: string;
  key: string;
}

/** Every `containers` and `initContainers` list anywhere in an object. */
function* containersOf(value: unknown): Generator<Container> {
  if (Array.isArray(value)) for (const item of value) yield* containersOf(item);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(item))
        yield* item as Container[];
      else yield* containersOf(item);
    }
  }
}

/** `image:` values of a CI definition (a string or `{ name }`). */
export function pipelineImages(file: string, pipeline: unknown): ImageUse[] {
  const uses: ImageUse[] = [];
  const visit = (value: unknown, where: string) => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, item] of Object.entries(value)) {
      if (key === 'image') {
        const image = typeof item === 'string' ? item : (item as { name?: string }).name;
        if (image) uses.push({ file, where: `job ${where}`, image });
      } else visit(item, where || key);
    }
  };
  visit(pipeline, '');
  return uses;
}

/** Base images of a Dockerfile's FROM lines (earlier stages referred to by name are skipped). */
export function dockerfileImages(file: string, text: string): ImageUse[] {
  const stagesSoFar = new Set<string>();
  const uses: ImageUse[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    const match = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!match) continue;
    const image = match[1]!;
    if (!stagesSoFar.has(image) && image !== 'scratch')
      uses.push({ file, where: `line ${index + 1}`, image });
    if (match[2]) stagesSoFar.add(match[2]);
  }
  return uses;
}

/**
 * Names of the variables a compose file interpolates: `${NAME}`, `${NAME:-default}`,
 * `${NAME:?error}`, `$NAME`. `$$` is compose's escape for a literal `$` (the container's shell
 * expands it) and is not a compose variable.
 */
export function composeVariables(text: string): Map<string, number> {
  const variables = new Map<string, number>();
  for (const [index, line] of text.split('\n').entries()) {
    if (/^\s*#/.test(line)) continue;
    const unescaped = line.replace(/\$\$/g, '');
    for (const match of unescaped.matchAll(
      /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    )) {
      const name = match[1] ?? match[2]!;
      if (!variables.has(name)) variables.set(name, index + 1);
    }
  }
  return variables;
}

/** Every variable a compose file uses is defined in its `.env.example`. */
export function checkComposeVariablesDefined(
  file: string,
  text: string,
  envFile: string,
  defined: ReadonlyMap<string, string>,
): Finding[] {
  return [...composeVariables(text)]
    .filter(([name]) => !defined.has(name))
    .map(([name, line]) => ({
      file,
      where: `line ${line}`,
      message: `\${${name}} is not defined in ${envFile}`,
    }));
}

/** Every ConfigMap or Secret key a container reads is in the file its generator reads. */
export function checkKubernetesKeysDefined(
  file: string,
  documents: readonly unknown[],
  sources: ReadonlyMap<string, { file: string; keys: ReadonlySet<string> }>,
): Finding[] {
  const findings: Finding[] = [];
  for (const document of documents) {
    const object = document as { kind?: string; metadata?: { name?: string } };
    for (const container of containersOf(document)) {
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.configMapKeyRef ?? variable.valueFrom?.secretKeyRef;
        if (!ref) continue;
        const where = `${object.kind ?? '?'} ${object.metadata?.name ?? '?'} container ${container.name ?? '?'} env ${variable.name}`;
        const source = sources.get(ref.name);
        if (!source)
          findings.push({
            file,
            where,
            message: `reads ${ref.name}, which no generator of the kustomization defines`,
          });
        else if (!source.keys.has(ref.key))
          findings.push({
            file,
            where,
            message: `reads key ${ref.key} of ${ref.name}, which ${source.file} does not define`,
          });
      }
    }
  }
  return findings;
}

/**
 * Every `depends_on` of a compose service names a service that runs whenever the dependent one
 * does: Compose refuses to start a service whose dependency sits in a profile that is not active.
 */
export function checkComposeDependencies(file: string, compose: unknown): Finding[] {
  const services = (compose as { services?: Record<string, ComposeService> })?.services ?? {};
  const findings: Finding[] = [];
  for (const [name, service] of Object.entries(services)) {
    const dependencies = Array.isArray(service.depends_on)
      ? service.depends_on
      : Object.keys(service.depends_on ?? {});
    const profiles = service.profiles ?? [];
    for (const dependency of dependencies) {
      const target = services[dependency];
      if (!target) {
        findings.push({
          file,
          where: `service ${name}`,
          message: `depends on ${dependency}, which is not a service`,
        });
        continue;
      }
      const targetProfiles = target.profiles ?? [];
      if (targetProfiles.length === 0) continue;
      const missing =
        profiles.length === 0 ? ['(always)'] : profiles.filter((p) => !targetProfiles.includes(p));
      if (missing.length > 0)
        findings.push({
          file,
          where: `service ${name}`,
          message: `depends on ${dependency}, which does not run in ${missing.join(', ')} (it runs in ${targetProfiles.join(', ')})`,
        });
    }
  }
  return findings;
}

interface ComposeService {
  profiles?: string[];
  depends_on?: string[] | Record<string, unknown>;
}
