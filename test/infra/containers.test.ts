import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bin/config.js';
import { realmExpectations } from '../../portal/server/identity/realm-expectations.js';
import {
  checkComposeDependencies,
  checkComposeVariablesDefined,
  checkImagesPinned,
  checkKubernetesKeysDefined,
  composeImages,
  dockerfileImages,
  kubernetesImages,
  pipelineImages,
  type ImageUse,
} from './support/container-checks.js';
import { formatFindings, type Finding } from './support/finding.js';
import { realmPlaceholders } from './support/realm-checks.js';
import { parseDotenv, parseYaml, readYaml } from './support/yaml-files.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const read = (path: string) => readFileSync(repo(path), 'utf8');
const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

function expectClean(findings: Finding[]): void {
  expect(formatFindings(findings)).toBe('');
}

const imagesFile = readYaml(repo('infra/images.yaml'), 'infra/images.yaml');
const listed = new Set(
  Object.values((imagesFile.documents[0] as { images: Record<string, string> }).images),
);

const composeText = read('infra/compose/compose.yaml');
const compose = parseYaml('infra/compose/compose.yaml', composeText);
type Service = {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  profiles?: string[];
};
const services = (compose.documents[0] as { services: Record<string, Service> }).services;
const envExample = parseDotenv(read('infra/compose/.env.example'));

const kubernetesFiles = [
  'kustomization.yaml',
  'namespace.yaml',
  'migrate-job.yaml',
  'portal.yaml',
  'workers.yaml',
  'ingress.yaml',
  'network-policy.yaml',
].map((name) => readYaml(repo(`infra/kubernetes/${name}`), `infra/kubernetes/${name}`));
const kubernetesSources = new Map([
  [
    'now-config',
    {
      file: 'infra/kubernetes/config.env',
      keys: new Set(parseDotenv(read('infra/kubernetes/config.env')).keys()),
    },
  ],
  [
    'now-secrets',
    {
      file: 'infra/kubernetes/secrets.env.example',
      keys: new Set(parseDotenv(read('infra/kubernetes/secrets.env.example')).keys()),
    },
  ],
]);

/** The environment a compose service hands the platform, with .env.example's values filled in. */
function resolvedEnvironment(service: Service): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      String(value).replace(
        /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g,
        (_, variable: string) => envExample.get(variable) ?? '',
      ),
    ]),
  );
}

describe('infra/images.yaml, the one list of images', () => {
  it("tags the platform's image with the package version", () => {
    const { version } = JSON.parse(read('package.json')) as { version: string };
    const images = (imagesFile.documents[0] as { images: Record<string, string> }).images;
    expect(images.platform).toBe(`ghcr.io/foerderplattform/now-funding-platform:${version}`);
  });

  it('parses and pins every image to a version', () => {
    expectClean(imagesFile.errors);
    expect(listed.size).toBeGreaterThan(5);
    expectClean(
      checkImagesPinned(
        [...listed].map((image) => ({ file: 'infra/images.yaml', where: '', image })),
        listed,
      ),
    );
  });
});

describe('infra/compose: the full stack on one host', () => {
  it('parses', () => {
    expectClean(compose.errors);
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'mysql',
        'keycloak',
        'minio',
        'minio-bucket',
        'mailpit',
        'camunda',
        'portal',
        'workers',
        'platform',
      ]),
    );
  });

  it('uses only pinned images listed in infra/images.yaml', () => {
    expectClean(
      checkImagesPinned(composeImages('infra/compose/compose.yaml', compose.documents[0]), listed),
    );
  });

  it('depends only on services that run in the same profiles', () => {
    expectClean(checkComposeDependencies('infra/compose/compose.yaml', compose.documents[0]));
  });

  it('defines every variable it references in .env.example', () => {
    expectClean(
      checkComposeVariablesDefined(
        'infra/compose/compose.yaml',
        composeText,
        '.env.example',
        envExample,
      ),
    );
  });

  it('runs Camunda 8.8, MySQL 8 and Keycloak 26, and the embedded engine in its own profile', () => {
    expect(services.camunda!.image).toMatch(/^camunda\/camunda:8\.8\./);
    expect(services.mysql!.image).toMatch(/^mysql:8\./);
    expect(services.keycloak!.image).toMatch(/^quay\.io\/keycloak\/keycloak:26\./);
    expect(services.platform).toMatchObject({ profiles: ['embedded'], command: ['start'] });
    expect(services.platform!.environment).not.toHaveProperty('ZEEBE_GRPC_ADDRESS');
    for (const name of ['portal', 'workers', 'camunda'])
      expect(services[name]!.profiles).toEqual(['zeebe']);
  });

  it('hands portal, workers and the embedded platform a configuration the platform accepts', () => {
    for (const name of ['portal', 'workers', 'platform', 'migrate']) {
      const config = loadConfig(resolvedEnvironment(services[name]!), '/app');
      expect(config.nodeEnv, name).toBe('production');
      expect(config.engine.embedded, name).toBe(name === 'platform' || name === 'migrate');
    }
    expect(loadConfig(resolvedEnvironment(services.portal!), '/app').portalHost).toBe('0.0.0.0');
  });

  it("gives Keycloak every placeholder of the realm export and the portal the realm's issuer", () => {
    const placeholders = realmPlaceholders(read('infra/keycloak/realm-export.json'));
    expect(placeholders.size).toBeGreaterThan(0);
    for (const name of placeholders)
      expect(services.keycloak!.environment, name).toHaveProperty(name);
    expect(services.portal!.environment!.OIDC_ISSUER).toMatch(
      new RegExp(`/realms/${realmExpectations.realm}$`),
    );
    expect(services.portal!.environment!.OIDC_CLIENT_ID).toBe(realmExpectations.clientId);
  });
});

describe('infra/kubernetes: portal and workers', () => {
  it('parses, every object named', () => {
    for (const file of kubernetesFiles) {
      expectClean(file.errors);
      for (const object of file.documents)
        expect(object).toMatchObject({ apiVersion: expect.any(String), kind: expect.any(String) });
    }
    const kustomization = kubernetesFiles[0]!.documents[0] as { resources: string[] };
    for (const resource of kustomization.resources)
      expect(existsSync(repo(`infra/kubernetes/${resource}`)), resource).toBe(true);
  });

  it('uses only pinned images listed in infra/images.yaml', () => {
    const uses = kubernetesFiles.flatMap((f) => kubernetesImages(f.file, f.documents));
    expect(uses.length).toBeGreaterThanOrEqual(3);
    expectClean(checkImagesPinned(uses, listed));
  });

  it('reads only ConfigMap and Secret keys that config.env and secrets.env.example define', () => {
    expectClean(
      kubernetesFiles.flatMap((f) =>
        checkKubernetesKeysDefined(f.file, f.documents, kubernetesSources),
      ),
    );
  });

  it('hands the platform a configuration it accepts, with the realm of the realm export', () => {
    const env = Object.fromEntries([
      ...parseDotenv(read('infra/kubernetes/config.env')),
      ...parseDotenv(read('infra/kubernetes/secrets.env.example')),
    ]);
    expect(loadConfig(env, '/app').engine.embedded).toBe(false);
    expect(env.OIDC_ISSUER).toMatch(new RegExp(`/realms/${realmExpectations.realm}$`));
  });
});

describe('the ECS tasks of the AWS stages', () => {
  it('hand portal and workers every variable the Kubernetes deployment does', async () => {
    const file = 'infra/terraform/modules/services/tasks.tf';
    const tasks = (await parseHcl(file, read(file))) as {
      locals: { environment: { name: string }[]; secrets: string }[];
    };
    const locals = tasks.locals[0]!;
    const names = new Set([
      ...locals.environment.map((e) => e.name),
      ...[...locals.secrets.matchAll(/"([A-Z][A-Z0-9_]+)"/g)].map((m) => m[1]!),
    ]);
    for (const name of [...kubernetesSources.values()].flatMap((source) => [...source.keys]))
      expect(names, `${file} sets ${name}`).toContain(name);
  });

  it('give Keycloak every placeholder of the realm export', () => {
    const keycloak = read('infra/terraform/modules/keycloak/main.tf');
    for (const name of realmPlaceholders(read('infra/keycloak/realm-export.json')))
      expect(keycloak, `modules/keycloak sets ${name}`).toMatch(new RegExp(`"${name}"`));
  });
});

describe('container builds, the pipeline and the stages', () => {
  const dockerfiles = ['Dockerfile', 'infra/keycloak/Dockerfile'];

  it('builds from pinned images listed in infra/images.yaml', () => {
    const uses: ImageUse[] = dockerfiles.flatMap((file) => dockerfileImages(file, read(file)));
    expect(uses.map((u) => u.image)).toContain('node:22.23.2-bookworm-slim');
    expectClean(checkImagesPinned(uses, listed));
  });

  it('runs the platform as a non-root user with a health check, without local state in the build', () => {
    const runtime = read('Dockerfile')
      .split(/^FROM /m)
      .at(-1)!;
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*health-check\.mjs/m);
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'var', '.git']));
  });

  it('runs the pipeline in a pinned image listed in infra/images.yaml', () => {
    const pipeline = readYaml(
      repo('infra/ci/terraform.gitlab-ci.yml'),
      'infra/ci/terraform.gitlab-ci.yml',
    );
    expectClean(pipeline.errors);
    expectClean(checkImagesPinned(pipelineImages(pipeline.file, pipeline.documents[0]), listed));
  });

  it('deploys pinned images listed in infra/images.yaml in every stage', async () => {
    for (const stage of ['dev', 'qa', 'prod']) {
      const file = `infra/terraform/envs/${stage}/terraform.tfvars`;
      const vars = (await parseHcl(file, read(file))) as Record<string, unknown>;
      const uses = Object.entries(vars)
        .filter(([name]) => name.endsWith('_image'))
        .map(([name, image]) => ({ file, where: name, image: String(image) }));
      expect(uses.length).toBe(2);
      expectClean(checkImagesPinned(uses, listed));
    }
  });
});

describe('the container checks report what is wrong, with file and place', () => {
  it('reports a YAML syntax error with line and column', () => {
    const broken = parseYaml('compose.yaml', 'services:\n  portal:\n    image: [unclosed\n');
    expect(broken.errors[0]).toMatchObject({
      file: 'compose.yaml',
      message: expect.stringMatching(/^line \d+, column \d+: /),
    });
  });

  it('reports unpinned, untagged and unlisted images and an undefined variable in a compose file', () => {
    const text = readFileSync(fixture('compose-flawed/compose.yaml'), 'utf8');
    const flawed = parseYaml('compose-flawed/compose.yaml', text);
    expect(
      checkImagesPinned(composeImages(flawed.file, flawed.documents[0]), listed).map(
        (f) => `${f.where}: ${f.message}`,
      ),
    ).toEqual([
      'service mail: image axllent/mailpit:latest is not pinned to a version (tag "latest")',
      'service mail: image axllent/mailpit:latest is not listed in infra/images.yaml',
      'service cache: image redis has no version tag',
      'service cache: image redis is not listed in infra/images.yaml',
      'service portal: image ghcr.io/foerderplattform/now-funding-platform:${APP_VERSION} takes its tag from a variable; pin it',
      'service portal: image ghcr.io/foerderplattform/now-funding-platform:${APP_VERSION} is not listed in infra/images.yaml',
    ]);
    const env = parseDotenv(readFileSync(fixture('compose-flawed/.env.example'), 'utf8'));
    expect(checkComposeVariablesDefined(flawed.file, text, '.env.example', env)).toEqual([
      {
        file: 'compose-flawed/compose.yaml',
        where: 'line 9',
        message: '${APP_VERSION} is not defined in .env.example',
      },
      {
        file: 'compose-flawed/compose.yaml',
        where: 'line 12',
        message: '${SESSION_SECRET} is not defined in .env.example',
      },
    ]);
  });

  it('reports a dependency on a service that is missing or in another profile', () => {
    const flawed = readYaml(fixture('compose-flawed/compose.yaml'), 'compose-flawed/compose.yaml');
    expect(checkComposeDependencies(flawed.file, flawed.documents[0])).toEqual([
      {
        file: 'compose-flawed/compose.yaml',
        where: 'service portal',
        message: 'depends on cache, which does not run in (always) (it runs in extras)',
      },
      {
        file: 'compose-flawed/compose.yaml',
        where: 'service portal',
        message: 'depends on database, which is not a service',
      },
    ]);
  });

  it('reports an unpinned image and a Secret key nobody defines in a Kubernetes manifest', () => {
    const flawed = readYaml(
      fixture('kubernetes-flawed/deployment.yaml'),
      'kubernetes-flawed/deployment.yaml',
    );
    expect(checkImagesPinned(kubernetesImages(flawed.file, flawed.documents), listed)[0]).toEqual({
      file: 'kubernetes-flawed/deployment.yaml',
      where: 'Deployment portal container portal',
      message:
        'image ghcr.io/foerderplattform/now-funding-platform:latest is not pinned to a version (tag "latest")',
    });
    expect(checkKubernetesKeysDefined(flawed.file, flawed.documents, kubernetesSources)).toEqual([
      {
        file: 'kubernetes-flawed/deployment.yaml',
        where: 'Deployment portal container portal env SESSION_SECRET',
        message:
          'reads key SESSION_SECRET of now-secrets, which infra/kubernetes/secrets.env.example does not define',
      },
    ]);
  });

  it('reports a Dockerfile built on latest', () => {
    const uses = dockerfileImages(
      'Dockerfile',
      'FROM node:latest AS build\nRUN true\nFROM build\n',
    );
    expect(
      checkImagesPinned(uses, listed).map((f) => `${f.file} ${f.where}: ${f.message}`)[0],
    ).toBe('Dockerfile line 1: image node:latest is not pinned to a version (tag "latest")');
  });
});
