/**
 * Structural checks of a Terraform tree: every stage instantiates the same modules, module calls
 * pass exactly the variables the module declares, every variable used is declared and every
 * declared one is used, stage variables are set, and provider versions are pinned the same way
 * in every stage with one state per stage.
 */
import type { Finding } from './finding.js';
import {
  labelled,
  moduleDir,
  nested,
  referencedNames,
  stages,
  terraformBlocks,
  type HclBody,
  type TerraformDir,
  type TerraformTree,
} from './terraform-tree.js';

const metaArguments = new Set([
  'source',
  'version',
  'count',
  'for_each',
  'depends_on',
  'providers',
]);

/** Every stage calls the same modules (same names, same sources). */
export function checkStagesUseSameModules(tree: TerraformTree): Finding[] {
  const all = stages(tree);
  const findings: Finding[] = [];
  if (all.length === 0)
    return [{ file: 'envs', where: '', message: 'no stage directories under envs/' }];
  const callsOf = (stage: TerraformDir) =>
    new Map(
      labelled(stage, 'module').map((m) => [
        m.name,
        { source: String(m.body.source), file: m.file },
      ]),
    );
  const union = new Map<string, string>();
  for (const stage of all) for (const [name, call] of callsOf(stage)) union.set(name, call.source);
  for (const stage of all) {
    const calls = callsOf(stage);
    for (const [name, source] of union) {
      const call = calls.get(name);
      if (!call)
        findings.push({
          file: `${stage.dir}`,
          where: `module.${name}`,
          message: `stage does not instantiate module "${name}" (${source}) that another stage does`,
        });
      else if (call.source !== source)
        findings.push({
          file: call.file,
          where: `module.${name}`,
          message: `source ${call.source} differs from another stage's ${source}`,
        });
    }
  }
  return findings;
}

/** Declared variables of a directory, with whether each has a default. */
function declaredVariables(dir: TerraformDir): Map<string, { file: string; required: boolean }> {
  return new Map(
    labelled(dir, 'variable').map((v) => [
      v.name,
      { file: v.file, required: !('default' in v.body) },
    ]),
  );
}

/** Module calls pass only declared variables and every variable without a default. */
export function checkModuleArguments(tree: TerraformTree): Finding[] {
  const findings: Finding[] = [];
  for (const dir of tree.dirs.values()) {
    for (const call of labelled(dir, 'module')) {
      const source = String(call.body.source ?? '');
      const target = tree.dirs.get(moduleDir(dir.dir, source));
      if (!target) {
        findings.push({
          file: call.file,
          where: call.address,
          message: `module source ${source} not found`,
        });
        continue;
      }
      const declared = declaredVariables(target);
      for (const argument of Object.keys(call.body)) {
        if (metaArguments.has(argument) || declared.has(argument)) continue;
        findings.push({
          file: call.file,
          where: call.address,
          message: `passes "${argument}", which ${target.dir} does not declare`,
        });
      }
      for (const [name, variable] of declared) {
        if (variable.required && !(name in call.body))
          findings.push({
            file: call.file,
            where: call.address,
            message: `does not pass required variable "${name}" of ${target.dir}`,
          });
      }
    }
  }
  return findings;
}

/** In every directory, each `var.x` is declared and each declared variable is used. */
export function checkVariablesDeclaredAndUsed(tree: TerraformTree): Finding[] {
  const findings: Finding[] = [];
  for (const dir of tree.dirs.values()) {
    const declared = declaredVariables(dir);
    const used = new Set<string>();
    for (const { file, body } of dir.files) {
      for (const [kind, content] of Object.entries(body)) {
        // A variable's own validation block refers to itself; that is not a use.
        if (kind === 'variable') continue;
        for (const name of referencedNames(content, 'var')) {
          used.add(name);
          if (!declared.has(name))
            findings.push({
              file,
              where: `var.${name}`,
              message: `is used but not declared in ${dir.dir}`,
            });
        }
      }
    }
    for (const [name, variable] of declared) {
      if (!used.has(name))
        findings.push({
          file: variable.file,
          where: `var.${name}`,
          message: 'is declared but never used',
        });
    }
    if (dir.tfvars) {
      for (const name of Object.keys(dir.tfvars.body)) {
        if (!declared.has(name))
          findings.push({
            file: dir.tfvars.file,
            where: name,
            message: `sets a variable that ${dir.dir} does not declare`,
          });
      }
    }
    if (/^envs\//.test(dir.dir)) {
      for (const [name, variable] of declared) {
        if (variable.required && !(dir.tfvars && name in dir.tfvars.body))
          findings.push({
            file: variable.file,
            where: `var.${name}`,
            message: `has no default and no value in ${dir.dir}/terraform.tfvars`,
          });
      }
    }
  }
  return findings;
}

const exactVersion = /^=?\s*\d+\.\d+\.\d+$/;

/**
 * Each stage pins every provider to one exact version (the same in every stage), states the
 * Terraform version it needs, and keeps its own state (a backend key of its own).
 */
export function checkProvidersPinned(tree: TerraformTree): Finding[] {
  const findings: Finding[] = [];
  const versions = new Map<string, { version: string; stage: string }>();
  const stateKeys = new Map<string, string>();
  for (const stage of stages(tree)) {
    const blocks = terraformBlocks(stage);
    if (blocks.length === 0)
      findings.push({
        file: stage.dir,
        where: 'terraform',
        message: 'no terraform block (versions and backend)',
      });
    for (const { file, body } of blocks) {
      if (!body.required_version)
        findings.push({ file, where: 'terraform', message: 'required_version is not set' });
      for (const providers of nested(body, 'required_providers')) {
        for (const [name, spec] of Object.entries(providers)) {
          const version = String((spec as HclBody).version ?? '');
          if (!exactVersion.test(version)) {
            findings.push({
              file,
              where: `required_providers.${name}`,
              message: `version "${version}" is not pinned to one exact version`,
            });
            continue;
          }
          const seen = versions.get(name);
          if (seen && seen.version !== version)
            findings.push({
              file,
              where: `required_providers.${name}`,
              message: `version ${version} differs from ${seen.version} in ${seen.stage}`,
            });
          else versions.set(name, { version, stage: stage.dir });
        }
      }
      const backends = (body.backend ?? {}) as Record<string, unknown>;
      for (const backend of Object.values(backends).flatMap((b) => (Array.isArray(b) ? b : [b]))) {
        const key = String((backend as HclBody).key ?? '');
        const other = stateKeys.get(key);
        if (other)
          findings.push({
            file,
            where: 'backend',
            message: `state key "${key}" is also used by ${other}`,
          });
        stateKeys.set(key, stage.dir);
      }
      if (Object.keys(backends).length === 0)
        findings.push({
          file,
          where: 'backend',
          message: 'no backend: the stage has no state of its own',
        });
    }
  }
  return findings;
}
