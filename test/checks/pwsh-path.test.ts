import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePwshPath } from '../../src/checks/powershell/pwsh-environment';
import { tempDir } from './helpers';

/** A fake home with (or without) the dotnet global tool, and a PATH folder with (or without) pwsh. */
function machine(options: { toolInstalled: boolean; onPath: boolean }): { env: NodeJS.ProcessEnv; tool: string } {
  const root = tempDir('pwsh-path');
  const home = path.join(root, 'home');
  const bin = path.join(root, 'bin');
  const tool = path.join(home, '.dotnet', 'tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
  mkdirSync(path.dirname(tool), { recursive: true });
  mkdirSync(bin, { recursive: true });
  const place = (file: string) => {
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
  };
  if (options.toolInstalled) place(tool);
  if (options.onPath) place(path.join(bin, process.platform === 'win32' ? 'pwsh.exe' : 'pwsh'));
  return { env: { HOME: home, USERPROFILE: home, PATH: bin }, tool };
}

describe('where the bot finds pwsh', () => {
  it.each([
    { toolInstalled: true, onPath: true, expected: 'pwsh', why: 'pwsh on the PATH wins' },
    { toolInstalled: true, onPath: false, expected: 'tool', why: 'the dotnet global tool when the PATH has none' },
    { toolInstalled: false, onPath: false, expected: 'pwsh', why: 'plain pwsh (and a clear "not found" later) when there is neither' },
  ])('$why', ({ toolInstalled, onPath, expected }) => {
    const { env, tool } = machine({ toolInstalled, onPath });
    expect(resolvePwshPath(undefined, env)).toBe(expected === 'tool' ? tool : 'pwsh');
  });

  it('PWSH_PATH, configured or in the environment, is used as given', () => {
    const { env } = machine({ toolInstalled: true, onPath: true });
    expect(resolvePwshPath('/opt/pwsh/pwsh', env)).toBe('/opt/pwsh/pwsh');
    expect(resolvePwshPath(undefined, { ...env, PWSH_PATH: '/opt/other/pwsh' })).toBe('/opt/other/pwsh');
    expect(resolvePwshPath('  ', { ...env, PWSH_PATH: '/opt/other/pwsh' })).toBe('/opt/other/pwsh');
  });
});
