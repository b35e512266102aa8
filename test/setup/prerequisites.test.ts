import { describe, expect, it } from 'vitest';
import { CHROMIUM_INSTALL, PWSH_INSTALL, prerequisiteSteps, type Machine } from './prerequisites';

const ready: Machine = { pwsh: true, dotnet: true, chromium: true, root: false };

describe('what the test command installs before the tests run', () => {
  it.each<[string, Partial<Machine>, unknown[]]>([
    ['nothing when everything is there', {}, []],
    ['PowerShell as a dotnet global tool when pwsh is missing', { pwsh: false }, [{ install: 'pwsh', command: PWSH_INSTALL }]],
    ["Debian's chromium when it is missing and the run is root", { chromium: false, root: true }, [{ install: 'chromium', command: CHROMIUM_INSTALL }]],
    ['both, PowerShell first', { pwsh: false, chromium: false, root: true }, [{ install: 'pwsh', command: PWSH_INSTALL }, { install: 'chromium', command: CHROMIUM_INSTALL }]],
  ])('%s', (_name, machine, expected) => {
    expect(prerequisiteSteps({ ...ready, ...machine })).toEqual(expected);
  });

  it('stops with the exact command when chromium is missing and the run is not root', () => {
    const [step] = prerequisiteSteps({ ...ready, chromium: false });
    expect(step).toEqual({ stop: expect.stringContaining(`sudo sh -c '${CHROMIUM_INSTALL}'`) });
  });

  it('stops with the exact command when pwsh is missing and there is no dotnet to install it with', () => {
    const [step] = prerequisiteSteps({ ...ready, pwsh: false, dotnet: false });
    expect(step).toEqual({ stop: expect.stringContaining(PWSH_INSTALL) });
  });

  it('installs PowerShell 7.6.9 and the chromium package, nothing else', () => {
    expect(PWSH_INSTALL).toBe('dotnet tool install --global PowerShell --version 7.6.9');
    expect(CHROMIUM_INSTALL).toBe('apt-get update && apt-get install -y chromium');
  });
});
