import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChecksUnavailableError } from '../../src/checks/powershell/errors';
import { PowerShellRunner } from '../../src/checks/powershell/powershell-runner';
import { LAB_MODULE_PATH } from '../../src/checks/powershell/project-paths';
import { probePwsh } from '../../src/checks/powershell/pwsh-probe';
import { pwshEnv, tempDir } from './helpers';

/**
 * Nothing PowerShell started may outlive the runner or the probe. A pwsh installed as a dotnet tool is
 * a launcher that starts the real PowerShell (`dotnet pwsh.dll`) as its child, so these tests look at
 * the whole tree of processes under this test worker, read from /proc.
 */

interface ProcessInfo {
  pid: number;
  ppid: number;
  state: string;
  command: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, ppid: Number(fields[1]), state: fields[0] ?? '?', command };
  } catch {
    return undefined;
  }
}

/** A process that has exited but was not yet reaped (state Z) is gone for our purposes. */
function running(pid: number): boolean {
  const info = readProcess(pid);
  return info !== undefined && info.state !== 'Z';
}

/** Every live process below this worker (the worker itself excluded). */
function descendants(root = process.pid): ProcessInfo[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== undefined && info.state !== 'Z');
  const found: ProcessInfo[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of all) {
      if (parents.has(info.ppid) && !parents.has(info.pid)) {
        parents.add(info.pid);
        found.push(info);
        grew = true;
      }
    }
  }
  return found;
}

/** The dotnet-tool pwsh where it is installed (its launcher is what these tests are about), else the PATH. */
const PWSH = [path.join(homedir(), '.dotnet', 'tools', 'pwsh')].find(existsSync) ?? 'pwsh';
const IS_LAUNCHER = PWSH.includes(`${path.sep}.dotnet${path.sep}tools${path.sep}`);

/** True once PowerShell itself runs: for the launcher, when its child exists. */
function powershellRunning(): boolean {
  const tree = descendants();
  return IS_LAUNCHER ? tree.some((info) => info.ppid !== process.pid) : tree.length > 0;
}

const GET_BOB = [{ cmdlet: 'Get-CsUser', parameters: { Identity: 'bob@contoso.dk' } }];

describe('PowerShellRunner stopped while its session is starting', () => {
  const runners: PowerShellRunner[] = [];
  const seen: number[] = [];
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.dispose();
    // Should a test fail, do not leave its PowerShell behind.
    for (const pid of seen.splice(0).filter(running)) process.kill(pid, 'SIGKILL');
  });

  /**
   * The lab stand-in, but its import hangs while the marker file exists: a session start that never
   * finishes (as with a pool that does not answer). PowerShell is then busy, not reading its input, so
   * it does not end by itself when the launcher goes and its input closes.
   */
  function hangingLabModule(): { labModulePath: string; marker: string } {
    const dir = tempDir('hanging-lab');
    const marker = path.join(dir, 'hang');
    const labModulePath = path.join(dir, 'HangingLab.psm1');
    writeFileSync(marker, '');
    writeFileSync(labModulePath, `if (Test-Path -LiteralPath '${marker}') { Start-Sleep -Seconds 300 }\n${readFileSync(LAB_MODULE_PATH, 'utf8')}`);
    return { labModulePath, marker };
  }

  /** A runner whose probe is done, so the next run goes straight to starting the session. */
  async function probedRunner(labModulePath: string): Promise<PowerShellRunner> {
    const runner = new PowerShellRunner({ mode: 'lab', pwshPath: PWSH, labModulePath, env: pwshEnv() });
    runners.push(runner);
    expect(await runner.probe()).toMatchObject({ available: true });
    await expect.poll(() => descendants().length, { timeout: 10_000 }).toBe(0);
    return runner;
  }

  it('dispose() kills the starting pwsh (launcher and PowerShell), which never becomes ready', async () => {
    const runner = await probedRunner(hangingLabModule().labModulePath);
    const pending = runner.run(GET_BOB);
    pending.catch(() => undefined);
    await expect.poll(powershellRunning, { timeout: 30_000, interval: 10 }).toBe(true);
    expect(runner.status().session).toBe('starting');
    const started = descendants().map((info) => info.pid);
    seen.push(...started);

    await runner.dispose();

    await expect(pending).rejects.toBeInstanceOf(ChecksUnavailableError);
    await expect.poll(() => started.filter(running), { timeout: 10_000 }).toEqual([]);
    expect(descendants()).toEqual([]);
    expect(runner.status().session).toBe('disposed');
  });

  it('a check cancelled while the session starts kills that pwsh, and the next check starts a new one', async () => {
    const { labModulePath, marker } = hangingLabModule();
    const runner = await probedRunner(labModulePath);
    const controller = new AbortController();
    const pending = runner.run(GET_BOB, { signal: controller.signal });
    pending.catch(() => undefined);
    await expect.poll(powershellRunning, { timeout: 30_000, interval: 10 }).toBe(true);
    expect(runner.status().session).toBe('starting');
    const started = descendants().map((info) => info.pid);
    seen.push(...started);

    controller.abort();

    await expect(pending).rejects.toThrow(/cancelled/);
    await expect.poll(() => started.filter(running), { timeout: 10_000 }).toEqual([]);
    rmSync(marker);
    expect((await runner.run(GET_BOB))[0]).toMatchObject({ ok: true });
    expect(runner.status().session).toBe('ready');
  });
});

describe('pwsh probe that does not answer', () => {
  const pidFiles: string[] = [];
  afterEach(() => {
    // Should a test fail, do not leave its sleeper behind.
    for (const file of pidFiles.splice(0)) {
      try {
        process.kill(Number(readFileSync(file, 'utf8')), 'SIGKILL');
      } catch {
        // Gone, as it should be.
      }
    }
  });

  /**
   * A stand-in named pwsh that behaves like the dotnet-tool launcher gone wrong: it starts a child that
   * hangs and waits for it. One child keeps the launcher's stdout, the other lets go of it.
   */
  function hangingPwsh(childKeepsStdout: boolean): { pwshPath: string; pidFile: string } {
    const dir = tempDir('hanging-pwsh');
    const pwshPath = path.join(dir, 'pwsh');
    const pidFile = path.join(dir, 'child.pid');
    const redirect = childKeepsStdout ? '' : ' >/dev/null 2>&1';
    writeFileSync(pwshPath, `#!/bin/sh\nsleep 300${redirect} &\necho $! > '${pidFile}'\nwait\n`);
    chmodSync(pwshPath, 0o755);
    pidFiles.push(pidFile);
    return { pwshPath, pidFile };
  }

  it.each([
    ['keeps', true],
    ['lets go of', false],
  ])('on timeout nothing survives when the hung child %s stdout', { timeout: 20_000 }, async (_label, keepsStdout) => {
    const { pwshPath, pidFile } = hangingPwsh(keepsStdout);
    const probe = await probePwsh(pwshPath, pwshEnv(), 500);
    expect(probe).toMatchObject({ available: false, reason: expect.stringMatching(/did not answer within the probe time limit/) });
    const child = Number(readFileSync(pidFile, 'utf8'));
    expect(child).toBeGreaterThan(0);
    await expect.poll(() => running(child), { timeout: 5_000 }).toBe(false);
    expect(descendants()).toEqual([]);
  });

  it('answers even when a process outside its group keeps the output pipe open', { timeout: 20_000 }, async () => {
    const dir = tempDir('escaped-pwsh');
    const pwshPath = path.join(dir, 'pwsh');
    const pidFile = path.join(dir, 'escaped.pid');
    // setsid puts the sleeper in a session of its own: killing the probe's group cannot reach it.
    writeFileSync(pwshPath, `#!/bin/sh\nsetsid sleep 300 &\necho $! > '${pidFile}'\nwait\n`);
    chmodSync(pwshPath, 0o755);
    pidFiles.push(pidFile);
    const probe = await probePwsh(pwshPath, pwshEnv(), 300);
    expect(probe).toMatchObject({ available: false, reason: expect.stringMatching(/did not answer within the probe time limit/) });
  });
});
