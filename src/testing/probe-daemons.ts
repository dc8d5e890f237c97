import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectTcp } from '../integrations/probes/connect-tcp';

/**
 * Real daemons for the probe tests (Debian's openssh-server, inetutils-telnetd, mosquitto,
 * nginx-light), each started with its own configuration in a temporary directory and bound to a
 * 127.0.40.x address only. `.ci/run` installs the packages.
 */
export const DAEMON_BINARIES = {
  sshd: '/usr/sbin/sshd',
  telnetd: '/usr/sbin/telnetd',
  mosquitto: '/usr/sbin/mosquitto',
  mosquittoPasswd: '/usr/bin/mosquitto_passwd',
  nginx: '/usr/sbin/nginx',
  openssl: '/usr/bin/openssl',
} as const;

/** Why the daemon tests cannot run here (binaries missing, not root), or undefined. Throws under CI=true. */
export function daemonsMissing(): string | undefined {
  const missing = Object.values(DAEMON_BINARIES).filter((path) => !existsSync(path));
  const reason =
    missing.length > 0
      ? `missing ${missing.join(', ')} (apt-get install openssh-server inetutils-telnetd mosquitto nginx-light)`
      : process.getuid?.() !== 0
        ? 'the daemon tests bind port 22/23/80/443 on 127.0.40.x and add a throwaway user: they need root'
        : undefined;
  if (reason && process.env['CI'] === 'true') throw new Error(`CI=true but the probe daemons cannot run: ${reason}`);
  return reason;
}

/** A started set of daemons; `stop` kills them and removes every file and the throwaway user. */
export interface ProbeDaemons {
  readonly dir: string;
  stop(): Promise<void>;
}

/** Where each daemon listens: `<prefix>.1` to `<prefix>.5` (a /24 of 127.0.0.0/8 no other test file uses). */
export function daemonAddresses(prefix: `127.${number}.${number}`) {
  return {
    ssh: `${prefix}.1`,
    telnet: `${prefix}.2`,
    mqttAnonymous: `${prefix}.3`,
    mqttAuth: `${prefix}.4`,
    web: `${prefix}.5`,
  } as const;
}

export type DaemonAddresses = ReturnType<typeof daemonAddresses>;

export const DAEMON_ADDRESSES = daemonAddresses('127.0.40');

/** The SSH test account: a pair from the built-in default list, created for the test and removed after. */
export const SSH_USER = { user: 'support', password: 'support' } as const;

/** The GECOS comment that marks the test account as ours (so a crashed run's leftover can be removed). */
const THROWAWAY_MARK = 'iotcheck probe test (throwaway)';

/** Removes the test account left by a crashed run; refuses to touch an account of the same name that is not ours. */
function removeLeftoverUser(): void {
  let entry = '';
  try {
    entry = execFileSync('getent', ['passwd', SSH_USER.user], { encoding: 'utf8' });
  } catch {
    return; // no such account
  }
  if (!entry.includes(THROWAWAY_MARK)) {
    throw new Error(`a system account "${SSH_USER.user}" exists and is not the probe test's: not touching it`);
  }
  execFileSync('userdel', [SSH_USER.user], { stdio: 'ignore' });
}

async function waitForPort(address: string, port: number, child: ChildProcess, name: string): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const outcome = await connectTcp(address, port, { timeoutMs: 500 });
    if (outcome.state === 'open') {
      outcome.socket.destroy();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not listen on ${address}:${port}`);
}

/**
 * Starts every daemon; on failure stops what was started and rethrows. Test files that run at the
 * same time need their own `addresses`, and only one of them may add the SSH test account
 * (`sshAccount: false` leaves sshd with no account that can log in).
 */
export async function startProbeDaemons(
  options: { readonly addresses?: DaemonAddresses; readonly sshAccount?: boolean } = {},
): Promise<ProbeDaemons> {
  const addresses = options.addresses ?? DAEMON_ADDRESSES;
  const sshAccount = options.sshAccount ?? true;
  const dir = mkdtempSync(join(tmpdir(), 'iotcheck-probe-daemons-'));
  const children: ChildProcess[] = [];
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  let userAdded = false;
  const run = (name: string, command: string, args: string[]): ChildProcess => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-2000)));
    child.on('exit', (code) => {
      if (code !== null && code !== 0) console.error(`${name} exited ${code}: ${stderr}`);
    });
    children.push(child);
    return child;
  };
  const stop = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 3000).unref();
          }),
      ),
    );
    if (userAdded) execFileSync('userdel', [SSH_USER.user], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const file = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    // One self-signed RSA certificate for nginx and mosquitto.
    execFileSync(
      DAEMON_BINARIES.openssl,
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=camera.test',
        '-keyout',
        join(dir, 'tls.key'),
        '-out',
        join(dir, 'tls.crt'),
      ],
      { stdio: 'ignore' },
    );

    // sshd: own host key and config, password login for one throwaway account, one weak cipher enabled.
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'ssh_host_ed25519_key')]);
    mkdirSync('/run/sshd', { recursive: true }); // sshd's compiled-in privilege separation directory
    if (sshAccount) {
      removeLeftoverUser();
      execFileSync('useradd', [
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        '--comment',
        THROWAWAY_MARK,
        SSH_USER.user,
      ]);
      userAdded = true;
      execFileSync('chpasswd', { input: `${SSH_USER.user}:${SSH_USER.password}\n` });
    }
    const sshConfig = file(
      'sshd_config',
      [
        `ListenAddress ${addresses.ssh}:22`,
        `HostKey ${join(dir, 'ssh_host_ed25519_key')}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        'UsePAM no',
        'PasswordAuthentication yes',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin no',
        `AllowUsers ${SSH_USER.user}`,
        'Ciphers +aes128-cbc',
        'MaxStartups 100',
        '',
      ].join('\n'),
    );
    const sshd = run('sshd', DAEMON_BINARIES.sshd, ['-D', '-e', '-f', sshConfig]);

    // telnetd is an inetd service: a small listener hands each connection to a fresh telnetd,
    // whose login program is a script accepting admin/admin (no system account involved).
    const login = file(
      'login.sh',
      [
        '#!/bin/sh',
        "printf 'camera login: '",
        'read -r user',
        "printf 'Password: '",
        'read -r pass',
        'user=$(printf %s "$user" | tr -d \'\\r\')',
        'pass=$(printf %s "$pass" | tr -d \'\\r\')',
        'if [ "$user" = admin ] && [ "$pass" = admin ]; then',
        "  printf '\\r\\nBusyBox v1.35 built-in shell\\r\\n# '",
        '  sleep 3',
        'else',
        "  printf '\\r\\nLogin incorrect\\r\\n'",
        'fi',
        '',
      ].join('\n'),
    );
    chmodSync(login, 0o755);
    const telnetLauncher = createServer({ pauseOnConnect: true }, (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      const child = spawn(DAEMON_BINARIES.telnetd, ['-h', '-E', login], { stdio: [socket, socket, 'ignore'] });
      children.push(child);
      child.on('exit', () => socket.destroy());
    });
    servers.push(telnetLauncher);
    await new Promise<void>((resolve) => telnetLauncher.listen(23, addresses.telnet, resolve));

    // mosquitto: one broker open to anonymous clients, one with a password file and a TLS listener.
    const anonymous = file(
      'mosquitto-anonymous.conf',
      `user root\npersistence false\nlog_dest stderr\nlistener 1883 ${addresses.mqttAnonymous}\nallow_anonymous true\n`,
    );
    const mqttAnonymous = run('mosquitto (anonymous)', DAEMON_BINARIES.mosquitto, ['-c', anonymous]);
    execFileSync(DAEMON_BINARIES.mosquittoPasswd, [
      '-c',
      '-b',
      join(dir, 'mosquitto.passwd'),
      'plant-gw',
      'Vq8-long-unique-passphrase',
    ]);
    const authConfig = file(
      'mosquitto-auth.conf',
      [
        'user root',
        'persistence false',
        'log_dest stderr',
        'per_listener_settings false',
        'allow_anonymous false',
        `password_file ${join(dir, 'mosquitto.passwd')}`,
        `listener 1883 ${addresses.mqttAuth}`,
        `listener 8883 ${addresses.mqttAuth}`,
        `certfile ${join(dir, 'tls.crt')}`,
        `keyfile ${join(dir, 'tls.key')}`,
        '',
      ].join('\n'),
    );
    const mqttAuth = run('mosquitto (auth)', DAEMON_BINARIES.mosquitto, ['-c', authConfig]);

    // nginx: Basic authentication (admin/admin, a default) on port 80, and TLS with the self-signed
    // certificate and TLS 1.0 still enabled on port 443.
    mkdirSync(join(dir, 'www'));
    file('www/index.html', '<!doctype html><html><head><title>IP Camera Login</title></head><body>cam</body></html>');
    const hash = execFileSync(DAEMON_BINARIES.openssl, ['passwd', '-apr1', 'admin'], { encoding: 'utf8' }).trim();
    file('htpasswd', `admin:${hash}\n`);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((name) => `${name}_temp_path ${join(dir, `${name}-temp`)};`)
      .join(' ');
    const nginxConfig = file(
      'nginx.conf',
      `user root; daemon off; master_process off; pid ${join(dir, 'nginx.pid')}; error_log stderr;
events { worker_connections 64; }
http { access_log off; ${temp}
  server { listen ${addresses.web}:80; root ${join(dir, 'www')};
    location / { auth_basic "camera"; auth_basic_user_file ${join(dir, 'htpasswd')}; } }
  server { listen ${addresses.web}:443 ssl; root ${join(dir, 'www')};
    ssl_certificate ${join(dir, 'tls.crt')}; ssl_certificate_key ${join(dir, 'tls.key')};
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; ssl_ciphers DEFAULT:@SECLEVEL=0; } }
`,
    );
    const nginx = run('nginx', DAEMON_BINARIES.nginx, ['-p', dir, '-c', nginxConfig, '-e', 'stderr']);

    await waitForPort(addresses.ssh, 22, sshd, 'sshd');
    await waitForPort(addresses.mqttAnonymous, 1883, mqttAnonymous, 'mosquitto (anonymous)');
    await waitForPort(addresses.mqttAuth, 8883, mqttAuth, 'mosquitto (auth)');
    await waitForPort(addresses.web, 443, nginx, 'nginx');
    return { dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
