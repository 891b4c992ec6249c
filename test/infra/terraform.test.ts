import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFindings, type Finding } from './support/finding.js';
import {
  checkBucketsSecured,
  checkDatabaseNotPublic,
  checkIngressOnlyLoadBalancer443,
  checkNoPublicAddresses,
  checkResourcesTagged,
} from './support/terraform-security-checks.js';
import {
  checkModuleArguments,
  checkProvidersPinned,
  checkStagesUseSameModules,
  checkVariablesDeclaredAndUsed,
} from './support/terraform-structure-checks.js';
import { loadTerraformTree, resources, type TerraformTree } from './support/terraform-tree.js';

const root = fileURLToPath(new URL('../../infra/terraform', import.meta.url));
const flawedRoot = fileURLToPath(new URL('./fixtures/terraform-flawed', import.meta.url));
const unparsableRoot = fileURLToPath(new URL('./fixtures/terraform-unparsable', import.meta.url));

/** Asserts no findings, printing them all (file, address, problem) when there are some. */
function expectClean(findings: Finding[]): void {
  expect(formatFindings(findings)).toBe('');
}

const checks = {
  'each stage instantiates the same modules': checkStagesUseSameModules,
  'module calls pass exactly the declared variables': checkModuleArguments,
  'every variable used is declared and every declared one used and set':
    checkVariablesDeclaredAndUsed,
  'providers are pinned to one version, one state per stage': checkProvidersPinned,
  'every bucket is encrypted, versioned and blocked from public access': checkBucketsSecured,
  'the database is not public, encrypted and backed up': checkDatabaseNotPublic,
  'nothing admits 0.0.0.0/0 except the load balancer on 443': checkIngressOnlyLoadBalancer443,
  'nothing but the load balancer gets a public address': checkNoPublicAddresses,
  'every AWS resource is tagged with stage and owner': checkResourcesTagged,
};

describe('infra/terraform, checked offline', () => {
  let tree: TerraformTree;
  beforeAll(async () => {
    tree = await loadTerraformTree(root);
  });

  it('parses every .tf and .tfvars file', () => {
    expectClean(tree.parseErrors);
    expect([...tree.dirs.keys()]).toEqual(
      expect.arrayContaining([
        'envs/dev',
        'envs/qa',
        'envs/prod',
        'modules/storage',
        'modules/database',
      ]),
    );
  });

  for (const [name, check] of Object.entries(checks)) {
    it(name, () => expectClean(check(tree)));
  }

  it('routes object-created events under kfw-inbox/ of the bucket to SQS', () => {
    const storage = tree.dirs.get('modules/storage')!;
    const notification = resources(storage).find((r) => r.type === 'aws_s3_bucket_notification');
    expect(notification?.body.queue).toEqual([
      expect.objectContaining({ events: ['s3:ObjectCreated:*'], filter_prefix: 'kfw-inbox/' }),
    ]);
  });
});

describe('the Terraform checks report what is wrong, with file and resource', () => {
  let flawed: TerraformTree;
  beforeAll(async () => {
    flawed = await loadTerraformTree(flawedRoot);
  });

  it('reports a syntax error with file, line and column', async () => {
    const unparsable = await loadTerraformTree(unparsableRoot);
    expect(unparsable.parseErrors).toEqual([
      {
        file: 'main.tf',
        where: '',
        message: expect.stringMatching(/^line 2,11-3,1: Invalid expression/),
      },
    ]);
  });

  it('reports a stage that forgets a module and a module call that passes too little or too much', () => {
    expect(checkStagesUseSameModules(flawed)).toEqual([
      expect.objectContaining({ file: 'envs/prod', where: 'module.web' }),
    ]);
    expect(checkModuleArguments(flawed)).toEqual([
      expect.objectContaining({
        file: 'envs/dev/main.tf',
        where: 'module.storage',
        message: expect.stringContaining('"bucket_colour"'),
      }),
      expect.objectContaining({
        file: 'envs/prod/main.tf',
        where: 'module.storage',
        message: expect.stringContaining('"forgotten_setting"'),
      }),
    ]);
  });

  it('reports undeclared, unused and unset variables', () => {
    const found = checkVariablesDeclaredAndUsed(flawed).map((f) => `${f.file} ${f.where}`);
    expect(found.sort()).toEqual([
      'envs/dev/terraform.tfvars stale_option',
      'envs/prod/main.tf var.stage',
      'modules/open-storage/main.tf var.forgotten_setting',
      'modules/open-storage/main.tf var.undeclared_suffix',
    ]);
  });

  it('reports a provider version range and two stages sharing one state', () => {
    expect(checkProvidersPinned(flawed)).toEqual([
      expect.objectContaining({
        file: 'envs/dev/main.tf',
        where: 'required_providers.aws',
        message: expect.stringContaining('"~> 6.0"'),
      }),
      expect.objectContaining({
        file: 'envs/prod/main.tf',
        where: 'backend',
        message: expect.stringContaining('also used by envs/dev'),
      }),
    ]);
  });

  it('reports a public, unencrypted, unversioned bucket', () => {
    const found = checkBucketsSecured(flawed);
    expect(
      found.every(
        (f) =>
          f.file === 'modules/open-storage/main.tf' && f.where === 'aws_s3_bucket.public_downloads',
      ),
    ).toBe(true);
    expect(found.map((f) => f.message)).toEqual([
      expect.stringContaining('block_public_acls is not true'),
      expect.stringContaining('is not encrypted'),
      expect.stringContaining('is not versioned'),
    ]);
  });

  it('reports a public database, and MySQL open to an address range', () => {
    const found = checkDatabaseNotPublic(flawed).map((f) => `${f.where}: ${f.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^aws_db_instance.legacy_mysql: is publicly accessible/),
      expect.stringMatching(/^aws_db_instance.legacy_mysql: is not encrypted/),
      expect.stringMatching(/^aws_db_instance.legacy_mysql: keeps no backups/),
      expect.stringMatching(/^aws_security_group.mysql_open: admits the address range 0.0.0.0\/0/),
    ]);
  });

  it('reports every opening to 0.0.0.0/0 other than the load balancer on 443, and a plain-HTTP listener', () => {
    const found = checkIngressOnlyLoadBalancer443(flawed).map((f) => `${f.file} ${f.where}`);
    expect(found.sort()).toEqual([
      'modules/exposed-database/main.tf aws_security_group.mysql_open',
      'modules/web/main.tf aws_lb_listener.plain_http',
      'modules/web/main.tf aws_security_group_rule.ssh_from_anywhere',
      'modules/web/main.tf aws_vpc_security_group_ingress_rule.balancer_http',
    ]);
  });

  it('reports a task and an instance with public addresses', () => {
    expect(checkNoPublicAddresses(flawed).map((f) => `${f.file} ${f.where}`)).toEqual([
      'modules/web/main.tf aws_ecs_service.exposed_task',
      'modules/web/main.tf aws_instance.jump_host',
    ]);
  });

  it('reports default_tags without owner and every resource left without it', () => {
    const found = checkResourcesTagged(flawed);
    expect(found[0]).toEqual({
      file: 'envs/dev/main.tf',
      where: 'provider.aws',
      message: 'default_tags lack owner',
    });
    expect(found).toContainEqual({
      file: 'modules/open-storage/main.tf',
      where: 'aws_s3_bucket.public_downloads',
      message: 'is not tagged with owner',
    });
  });
});
