import { describe, expect, it } from 'vitest';
import { isDomainError, type DomainError } from '../domain-error';
import { DEFAULT_PORTS, planTargets } from './plan';
import { defineScope } from './scope';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const scope = defineScope({ targets: ['10.0.0.0/30', 'cam.local'] });

describe('planTargets', () => {
  it('plans the whole scope by default: targets × default ports × non-intrusive checks', () => {
    const plan = planTargets(scope, { resolved: new Map([['cam.local', ['10.9.9.9']]]) });
    expect(plan.targets).toEqual([
      { address: '10.0.0.0' },
      { address: '10.0.0.1' },
      { address: '10.0.0.2' },
      { address: '10.0.0.3' },
      { address: '10.9.9.9', hostname: 'cam.local' },
    ]);
    expect(plan.ports).toEqual(DEFAULT_PORTS);
    expect(plan.connections).toBe(5 * 14);
    expect(plan.checks).toEqual(['ports', 'telnet', 'ssh', 'tls', 'mqtt', 'http']);
  });

  it('accepts a subset inside the scope', () => {
    const plan = planTargets(scope, { subset: '10.0.0.1-2', ports: [23, 22, 23] });
    expect(plan.targets.map((target) => target.address)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(plan.ports).toEqual([22, 23]);
  });

  it('refuses a subset reaching outside the scope as a whole, listing every outside target', () => {
    const error = refusal(() => planTargets(scope, { subset: ['10.0.0.1', '10.0.0.2-10.0.0.5', '192.0.2.1'] }));
    expect(error.message).toContain('nothing was sent');
    expect(error.extensions['outside']).toEqual(['10.0.0.4', '10.0.0.5', '192.0.2.1']);
    expect(error.details.map((detail) => detail.path)).toEqual(['targets[1]', 'targets[2]']);
    expect(error.details[0]?.reason).toBe('outside the scope: 2 addresses (10.0.0.4 … 10.0.0.5)');
  });

  it('admits an undeclared host name only when all it resolves to is inside', () => {
    const inside = planTargets(scope, { subset: 'nas.local', resolved: new Map([['nas.local', ['10.0.0.2']]]) });
    expect(inside.targets).toEqual([{ address: '10.0.0.2', hostname: 'nas.local' }]);
    const error = refusal(() =>
      planTargets(scope, { subset: 'nas.local', resolved: new Map([['nas.local', ['10.0.0.2', '198.51.100.7']]]) }),
    );
    expect(error.extensions['outside']).toEqual(['198.51.100.7']);
    expect(error.details[0]?.reason).toContain('not declared in the scope');
  });

  it('reports names that do not resolve instead of contacting anything', () => {
    const plan = planTargets(scope, { subset: 'cam.local' });
    expect(plan.targets).toEqual([]);
    expect(plan.unresolved).toEqual(['cam.local']);
  });

  it('keeps credential attempts off unless the scope allows them', () => {
    expect(refusal(() => planTargets(scope, { checks: ['ports', 'default-credentials'] })).details[0]?.reason).toBe(
      'the scope does not allow intrusive checks (credential attempts)',
    );
    const allowing = defineScope({ targets: '10.0.0.1', allowCredentials: true });
    expect(planTargets(allowing).checks).toContain('default-credentials');
    expect(planTargets(allowing, { checks: ['telnet'] }).checks).toEqual(['ports', 'telnet']);
  });

  it('locates bad ports and checks', () => {
    const error = refusal(() => planTargets(scope, { ports: [22, 0, 70000], checks: ['ports', 'smb' as never] }));
    expect(error.details.map((detail) => detail.path)).toEqual(['ports[1]', 'ports[2]', 'checks[1]']);
  });
});
