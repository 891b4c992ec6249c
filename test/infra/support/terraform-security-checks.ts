/**
 * Security checks of a Terraform tree, read from the code (nothing is applied): buckets are
 * encrypted, versioned and blocked from public access; databases are not publicly reachable,
 * are encrypted and keep backups; nothing admits 0.0.0.0/0 except the load balancer on 443 and
 * load balancers listen on HTTPS 443 only; every AWS resource carries the tags stage and owner.
 */
import type { Finding } from './finding.js';
import {
  labelled,
  moduleDir,
  nested,
  referencedNames,
  resources,
  stages,
  strings,
  type HclBody,
  type LocatedBlock,
  type TerraformDir,
  type TerraformTree,
} from './terraform-tree.js';

const everywhere = new Set(['0.0.0.0/0', '::/0']);

/** Resources of a type in the same directory whose attribute refers to `target`. */
function attachedTo(
  dir: TerraformDir,
  type: string,
  attribute: string,
  target: LocatedBlock,
): LocatedBlock[] {
  return resources(dir).filter(
    (r) => r.type === type && referencedNames(r.body[attribute], target.type).has(target.name),
  );
}

/** Every bucket: public access blocked (all four flags), server-side encryption, versioning on. */
export function checkBucketsSecured(tree: TerraformTree): Finding[] {
  const findings: Finding[] = [];
  for (const dir of tree.dirs.values()) {
    for (const bucket of resources(dir).filter((r) => r.type === 'aws_s3_bucket')) {
      const report = (message: string) =>
        findings.push({ file: bucket.file, where: bucket.address, message });
      const blocks = attachedTo(dir, 'aws_s3_bucket_public_access_block', 'bucket', bucket);
      if (blocks.length === 0)
        report('has no aws_s3_bucket_public_access_block: it can be made public');
      for (const block of blocks) {
        for (const flag of [
          'block_public_acls',
          'block_public_policy',
          'ignore_public_acls',
          'restrict_public_buckets',
        ]) {
          if (block.body[flag] !== true)
            report(`public access is not blocked: ${block.address}.${flag} is not true`);
        }
      }
      const encryption = attachedTo(
        dir,
        'aws_s3_bucket_server_side_encryption_configuration',
        'bucket',
        bucket,
      );
      const algorithms = encryption.flatMap((e) =>
        nested(e.body, 'rule').flatMap((rule) =>
          nested(rule, 'apply_server_side_encryption_by_default').map((d) =>
            String(d.sse_algorithm),
          ),
        ),
      );
      if (!algorithms.some((a) => ['aws:kms', 'aws:kms:dsse', 'AES256'].includes(a)))
        report('is not encrypted: no server-side encryption configuration with aws:kms or AES256');
      const versioning = attachedTo(dir, 'aws_s3_bucket_versioning', 'bucket', bucket).flatMap(
        (v) => nested(v.body, 'versioning_configuration').map((c) => c.status),
      );
      if (!versioning.includes('Enabled'))
        report('is not versioned: no aws_s3_bucket_versioning with status Enabled');
      if (typeof bucket.body.acl === 'string' && bucket.body.acl.startsWith('public'))
        report(`has the public ACL ${bucket.body.acl}`);
    }
    for (const acl of resources(dir).filter((r) => r.type === 'aws_s3_bucket_acl')) {
      if (String(acl.body.acl ?? '').startsWith('public'))
        findings.push({
          file: acl.file,
          where: acl.address,
          message: `grants the public ACL ${String(acl.body.acl)}`,
        });
    }
  }
  return findings;
}

/** Databases: not publicly accessible, storage encrypted, backups kept, no address-range ingress. */
export function checkDatabaseNotPublic(tree: TerraformTree): Finding[] {
  const findings: Finding[] = [];
  for (const dir of tree.dirs.values()) {
    const all = resources(dir);
    for (const db of all.filter((r) =>
      ['aws_rds_cluster_instance', 'aws_db_instance'].includes(r.type),
    )) {
      if (db.body.publicly_accessible !== false)
        findings.push({
          file: db.file,
          where: db.address,
          message: 'is publicly accessible: publicly_accessible must be false',
        });
    }
    const storage = all.filter((r) => ['aws_rds_cluster', 'aws_db_instance'].includes(r.type));
    for (const db of storage) {
      if (db.body.storage_encrypted !== true)
        findings.push({
          file: db.file,
          where: db.address,
          message: 'is not encrypted: storage_encrypted must be true',
        });
      const retention = db.body.backup_retention_period;
      if (retention === undefined || (typeof retention === 'number' && retention < 1))
        findings.push({
          file: db.file,
          where: db.address,
          message: 'keeps no backups: backup_retention_period must be 1 or more',
        });
      const groups = referencedNames(db.body.vpc_security_group_ids, 'aws_security_group');
      for (const ingress of ingresses(dir)) {
        if (groups.has(ingress.group) && ingress.cidrs.length > 0)
          findings.push({
            file: ingress.block.file,
            where: ingress.block.address,
            message: `admits the address range ${ingress.cidrs.join(', ')} to database ${db.address}; only security groups may reach it`,
          });
      }
    }
  }
  return findings;
}

interface Ingress {
  block: LocatedBlock;
  /** Name of the aws_security_group it opens (empty when not one of this directory). */
  group: string;
  cidrs: string[];
  fromPort: unknown;
  toPort: unknown;
}

/** Inbound rules in all three spellings Terraform allows. */
function ingresses(dir: TerraformDir): Ingress[] {
  const found: Ingress[] = [];
  const groupOf = (value: unknown) => [...referencedNames(value, 'aws_security_group')][0] ?? '';
  const cidrsOf = (...values: unknown[]) => values.flatMap((v) => [...strings(v)]);
  for (const r of resources(dir)) {
    if (r.type === 'aws_security_group')
      for (const rule of nested(r.body, 'ingress'))
        found.push({
          block: r,
          group: r.name,
          cidrs: cidrsOf(rule.cidr_blocks, rule.ipv6_cidr_blocks),
          fromPort: rule.from_port,
          toPort: rule.to_port,
        });
    if (r.type === 'aws_security_group_rule' && r.body.type === 'ingress')
      found.push({
        block: r,
        group: groupOf(r.body.security_group_id),
        cidrs: cidrsOf(r.body.cidr_blocks, r.body.ipv6_cidr_blocks),
        fromPort: r.body.from_port,
        toPort: r.body.to_port,
      });
    if (r.type === 'aws_vpc_security_group_ingress_rule')
      found.push({
        block: r,
        group: groupOf(r.body.security_group_id),
        cidrs: cidrsOf(r.body.cidr_ipv4, r.body.cidr_ipv6),
        fromPort: r.body.from_port,
        toPort: r.body.to_port,
      });
  }
  return found;
}

/** Nothing admits 0.0.0.0/0 or ::/0 except a load balancer's group on 443; listeners are HTTPS 443. */
export function checkIngressOnlyLoadBalancer443(tree: TerraformTree): Finding[] {
  const findings: Finding[] = [];
  for (const dir of tree.dirs.values()) {
    const all = resources(dir);
    const balancerGroups = new Set(
      all
        .filter((r) => r.type === 'aws_lb' || r.type === 'aws_alb')
        .flatMap((lb) => [...referencedNames(lb.body.security_groups, 'aws_security_group')]),
    );
    for (const ingress of ingresses(dir)) {
      const open = ingress.cidrs.filter((c) => everywhere.has(c));
      if (open.length === 0) continue;
      const https = ingress.fromPort === 443 && ingress.toPort === 443;
      if (!balancerGroups.has(ingress.group) || !https)
        findings.push({
          file: ingress.block.file,
          where: ingress.block.address,
          message: `admits ${open.join(', ')} on ports ${String(ingress.fromPort)}-${String(ingress.toPort)}; only the load balancer on 443 may`,
        });
    }
    for (const listener of all.filter(
      (r) => r.type === 'aws_lb_listener' || r.type === 'aws_alb_listener',
    )) {
      if (listener.body.port !== 443 || listener.body.protocol !== 'HTTPS')
        findings.push({
          file: listener.file,
          where: listener.address,
          message: `listens on ${String(listener.body.protocol)} ${String(listener.body.port)}; only HTTPS 443 is allowed`,
        });
    }
  }
  return findings;
}

/**
 * Nothing but the load balancer gets a public address: instances, ECS tasks and subnets do not
 * hand them out (a task with a public address would bypass the load balancer and the WAF).
 */
export function checkNoPublicAddresses(tree: TerraformTree): Finding[] {
  const findings: Finding[] = [];
  const flags: Record<string, string> = {
    aws_instance: 'associate_public_ip_address',
    aws_launch_template: 'network_interfaces.associate_public_ip_address',
    aws_subnet: 'map_public_ip_on_launch',
    aws_ecs_service: 'network_configuration.assign_public_ip',
  };
  for (const dir of tree.dirs.values()) {
    for (const r of resources(dir)) {
      const flag = flags[r.type];
      if (!flag) continue;
      const [outer, inner] = flag.split('.');
      const values = inner ? nested(r.body, outer!).map((b) => b[inner]) : [r.body[outer!]];
      if (values.some((v) => v === true || v === 'true'))
        findings.push({
          file: r.file,
          where: r.address,
          message: `gives out public addresses (${flag} = true)`,
        });
    }
  }
  return findings;
}

const requiredTags = ['stage', 'owner'];

/** Tag keys an aws provider block sets through default_tags. */
function defaultTagKeys(provider: HclBody): Set<string> {
  return new Set(
    nested(provider, 'default_tags').flatMap((d) => Object.keys((d.tags ?? {}) as HclBody)),
  );
}

/**
 * Every AWS resource carries the tags stage and owner: its own `tags`, or the default_tags of
 * the aws provider of every stage that uses its directory. Auto-scaling groups do not receive
 * default_tags from the provider, so they need their own `tag` blocks.
 */
export function checkResourcesTagged(tree: TerraformTree): Finding[] {
  const findings: Finding[] = [];
  const stageList = stages(tree);
  const stagesUsing = new Map<string, TerraformDir[]>();
  for (const stage of stageList) {
    const reached = [
      stage.dir,
      ...labelled(stage, 'module').map((m) => moduleDir(stage.dir, String(m.body.source))),
    ];
    for (const dir of reached) stagesUsing.set(dir, [...(stagesUsing.get(dir) ?? []), stage]);
  }
  const stageMisses = new Map<string, string[]>();
  for (const stage of stageList) {
    const providers = labelled(stage, 'provider').filter((p) => p.name === 'aws');
    const keys =
      providers.length === 0
        ? new Set<string>()
        : providers
            .map((p) => defaultTagKeys(p.body))
            .reduce((a, b) => new Set([...a].filter((k) => b.has(k))));
    const missing = requiredTags.filter((t) => !keys.has(t));
    stageMisses.set(stage.dir, missing);
    if (missing.length > 0 && providers.length > 0)
      for (const provider of providers)
        findings.push({
          file: provider.file,
          where: provider.address,
          message: `default_tags lack ${missing.join(' and ')}`,
        });
  }
  for (const dir of tree.dirs.values()) {
    for (const r of resources(dir).filter((x) => x.type.startsWith('aws_'))) {
      if (r.type === 'aws_autoscaling_group') {
        const keys = new Set(nested(r.body, 'tag').map((t) => String(t.key)));
        const missing = requiredTags.filter((t) => !keys.has(t));
        if (missing.length > 0)
          findings.push({
            file: r.file,
            where: r.address,
            message: `auto-scaling group without tag blocks for ${missing.join(' and ')}`,
          });
        continue;
      }
      const own = new Set(Object.keys((r.body.tags ?? {}) as HclBody));
      const users = stagesUsing.get(dir.dir) ?? [];
      const missing = requiredTags.filter(
        (t) =>
          !own.has(t) &&
          (users.length === 0 || users.some((s) => stageMisses.get(s.dir)?.includes(t))),
      );
      if (missing.length > 0)
        findings.push({
          file: r.file,
          where: r.address,
          message: `is not tagged with ${missing.join(' and ')}`,
        });
    }
  }
  return findings;
}
