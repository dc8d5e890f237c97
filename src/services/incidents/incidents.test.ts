import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { listFindingRecords } from '../../db/finding.repository';
import { seedLinkedDevice } from '../../testing/seed-linked-device';
import { createTestClock } from '../../testing/test-app';
import {
  createTestAssessmentDeps,
  domainErrorOf,
  seedAssessmentTeam,
  type MemberActor,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { createAssessment } from '../assessments/create-assessment';
import { createSystem } from '../assessments/create-system';
import { addTimelineEntry } from './add-timeline-entry';
import { changeIncidentStatus } from './change-incident-status';
import { closeIncident } from './close-incident';
import { createIncident } from './create-incident';
import { getIncident } from './get-incident';
import { getIncidentNotifications } from './get-incident-notifications';
import { getIncidentFigures } from './get-incident-figures';
import { createPlaybook } from './manage-playbooks';
import { recordNotification, notificationHash } from './record-notification';
import { recordStepOutcome } from './record-step-outcome';
import { reopenIncident } from './reopen-incident';
import { startDrill } from './start-drill';

describeEachDialect('incidents: life cycle, append-only timeline, notifications, lessons, drills', (database) => {
  const clock = createTestClock(new Date('2026-12-01T09:00:00.000Z'));
  const deps = () => createTestAssessmentDeps(database(), clock);
  let organisationId: string;
  let assessor: MemberActor;
  let systemId: string;
  let cameraId: number;
  let gatewayId: number;

  beforeEach(async () => {
    const team = await seedAssessmentTeam(database(), 'Plant');
    ({ organisationId, assessor } = team);
    systemId = (
      await createSystem(deps(), { actor: team.owner, system: { name: '入退室管理', criticality: 'important' } })
    ).id;
    cameraId = Number(
      await seedLinkedDevice(database(), organisationId, {
        systemId,
        fields: {
          assetTag: 'CAM-1',
          name: '正面カメラ',
          manufacturer: 'Acme',
          model: 'AC-200',
          firmwareVersion: '1.2.3',
          serialNumber: 'SN-001',
        },
      }),
    );
    gatewayId = Number(
      await seedLinkedDevice(database(), organisationId, {
        systemId,
        fields: {
          assetTag: 'GW-7',
          name: 'Gateway',
          manufacturer: 'Beta Networks',
          model: 'BN-9',
          firmwareVersion: '4.0',
          serialNumber: 'SN-777',
        },
      }),
    );
  });

  const open = () =>
    createIncident(deps(), {
      actor: assessor,
      incident: {
        title: 'カメラの乗っ取り',
        severity: 'high',
        occurredAt: '2026-12-01T08:00:00Z',
        detectedAt: '2026-12-01T09:00:00+00:00',
        systemIds: [systemId],
        deviceIds: [cameraId, gatewayId],
      },
    });

  it('numbers incidents, moves forward only (skipping allowed), times each status, and reopens as a timeline entry', async () => {
    const first = await open();
    const second = await open();
    expect([first.number, second.number]).toEqual([1, 2]);
    clock.advance(30 * 60_000);
    const contained = await changeIncidentStatus(deps(), {
      actor: assessor,
      incidentId: first.id,
      status: 'contained',
      expectedVersion: 1,
    });
    expect(contained).toMatchObject({ status: 'contained', triagedAt: null, containedAt: '2026-12-01T09:30:00.000Z' });
    expect(
      await domainErrorOf(
        changeIncidentStatus(deps(), { actor: assessor, incidentId: first.id, status: 'triaged', expectedVersion: 2 }),
      ),
    ).toMatchObject({ code: 'CONFLICT', details: [{ field: 'status' }] });
    expect(
      await domainErrorOf(
        changeIncidentStatus(deps(), {
          actor: assessor,
          incidentId: first.id,
          status: 'recovered',
          expectedVersion: 1,
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', details: [{ field: 'expectedVersion' }] });
    const closed = await closeIncident(deps(), {
      actor: assessor,
      incidentId: first.id,
      lessons: [],
      expectedVersion: 2,
    });
    expect(closed.status).toBe('closed');
    const reopened = await reopenIncident(deps(), {
      actor: assessor,
      incidentId: first.id,
      expectedVersion: 3,
      note: '再発',
    });
    expect(reopened).toMatchObject({ status: 'contained', closedAt: null });
    const detail = await getIncident(deps(), { actor: assessor, incidentId: first.id });
    expect(detail.timeline.map((entry) => [entry.kind, entry.details['to']])).toEqual([
      ['status', 'detected'],
      ['status', 'contained'],
      ['status', 'closed'],
      ['status', 'contained'],
    ]);
    expect(detail.figures).toMatchObject({ minutesToDetect: 60, minutesToContain: 30, minutesToRecover: null });
  });

  it('keeps the timeline append-only: a correction is a new entry, and the database refuses UPDATE and DELETE', async () => {
    const incident = await open();
    const note = await addTimelineEntry(deps(), {
      actor: assessor,
      incidentId: incident.id,
      kind: 'note',
      body: 'VLAN 10 を遮断',
    });
    await addTimelineEntry(deps(), {
      actor: assessor,
      incidentId: incident.id,
      kind: 'correction',
      body: 'VLAN 20 の誤り',
      correctsSeq: note.seq,
    });
    const timeline = (await getIncident(deps(), { actor: assessor, incidentId: incident.id })).timeline;
    expect(timeline.map((entry) => [entry.seq, entry.kind, entry.body, entry.correctsSeq])).toEqual([
      [1, 'status', '', null],
      [2, 'note', 'VLAN 10 を遮断', null],
      [3, 'correction', 'VLAN 20 の誤り', 2],
    ]);
    expect(
      await domainErrorOf(
        addTimelineEntry(deps(), {
          actor: assessor,
          incidentId: incident.id,
          kind: 'correction',
          body: 'x',
          correctsSeq: 99,
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'correctsSeq' }] });
    await expect(sql`UPDATE incident_timeline SET body = 'rewritten'`.execute(database().db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM incident_timeline`.execute(database().db)).rejects.toThrow(/append-only/);
    expect((await getIncident(deps(), { actor: assessor, incidentId: incident.id })).timeline[1]?.body).toBe(
      'VLAN 10 を遮断',
    );
  });

  it('pre-fills one vendor notification per manufacturer with the device facts, and records the sent text by hash', async () => {
    const incident = await open();
    const { vendor, firstReport } = await getIncidentNotifications(deps(), {
      actor: assessor,
      incidentId: incident.id,
      language: 'ja',
    });
    expect(vendor.map((notification) => [notification.manufacturer, notification.deviceIds])).toEqual([
      ['Acme', [cameraId]],
      ['Beta Networks', [gatewayId]],
    ]);
    expect(vendor[0]!.subject).toContain('INC-0001');
    for (const fact of ['CAM-1', 'AC-200', '1.2.3', 'SN-001', 'カメラの乗っ取り', '入退室管理'])
      expect(vendor[0]!.body).toContain(fact);
    expect(vendor[0]!.body).not.toContain('SN-777');
    expect(vendor[1]!.body).toContain('SN-777');
    expect(firstReport.body).toContain('2026-12-01 09:00 UTC');
    const english = await getIncidentNotifications(deps(), {
      actor: assessor,
      incidentId: incident.id,
      language: 'en',
    });
    expect(english.vendor[1]!.body).toMatch(/Firmware: 4\.0, serial number: SN-777/);

    const sent = await recordNotification(deps(), {
      actor: assessor,
      incidentId: incident.id,
      notification: { kind: 'vendor', manufacturer: 'Acme', subject: vendor[0]!.subject, body: vendor[0]!.body },
    });
    expect(sent).toMatchObject({
      kind: 'notification',
      details: { manufacturer: 'Acme', sha256: notificationHash(vendor[0]!.subject, vendor[0]!.body) },
    });
  });

  it('turns lessons into findings: at once in an open assessment, otherwise in the next one started', async () => {
    const incident = await open();
    await closeIncident(deps(), {
      actor: assessor,
      incidentId: incident.id,
      lessons: [
        {
          itemId: 'jssec-v2:51',
          lesson: '機器の型番とファームウェアがすぐに分からなかった',
          recommendation: '台帳を最新に保つ',
          owner: '佐藤',
          due: '2027-01-31',
        },
      ],
      expectedVersion: 1,
    });
    expect(
      await domainErrorOf(
        closeIncident(deps(), {
          actor: assessor,
          incidentId: (await open()).id,
          lessons: [{ itemId: 'jssec-v2:999', lesson: 'x', recommendation: '' }],
          expectedVersion: 1,
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'lessons[0].itemId' }] });
    const next = await createAssessment(deps(), { actor: assessor, fields: { systemId, title: 'FY2027' } });
    const findings = await listFindingRecords(database().db, organisationId, next.id);
    expect(findings).toEqual([
      expect.objectContaining({
        itemId: 'jssec-v2:51',
        issue: '機器の型番とファームウェアがすぐに分からなかった',
        recommendation: '台帳を最新に保つ',
        ownerName: '佐藤',
        dueDate: '2027-01-31',
        priority: 'high',
        impact: 'INC-0001 カメラの乗っ取り',
      }),
    ]);
    const lessons = (await getIncident(deps(), { actor: assessor, incidentId: incident.id })).lessons;
    expect(lessons).toEqual([
      expect.objectContaining({ carriedToAssessmentId: next.id, carriedFindingId: findings[0]!.id }),
    ]);

    // With that assessment still open, the next closed incident's lesson goes straight into it.
    const later = await open();
    await closeIncident(deps(), {
      actor: assessor,
      incidentId: later.id,
      lessons: [{ itemId: 'jssec-v2:57', lesson: '訓練の記録がない', recommendation: '年 1 回の訓練' }],
      expectedVersion: 1,
    });
    expect(
      (await listFindingRecords(database().db, organisationId, next.id)).map((finding) => finding.itemId).sort(),
    ).toEqual(['jssec-v2:51', 'jssec-v2:57']);
  });

  it('times drill steps from the playbook and keeps drill figures apart', async () => {
    const playbook = await createPlaybook(deps(), {
      actor: assessor,
      playbook: {
        systemId,
        title: 'カメラ侵害',
        steps: [{ title: '隔離' }, { title: 'ベンダー連絡', expectedMinutes: 30 }],
      },
    });
    const drill = await startDrill(deps(), { actor: assessor, playbookId: playbook.id });
    expect(drill).toMatchObject({ drill: true, playbookId: playbook.id, systemIds: [systemId] });
    await recordStepOutcome(deps(), { actor: assessor, incidentId: drill.id, index: 0, outcome: 'started' });
    clock.advance(12 * 60_000);
    await recordStepOutcome(deps(), { actor: assessor, incidentId: drill.id, index: 0, outcome: 'done' });
    await recordStepOutcome(deps(), { actor: assessor, incidentId: drill.id, index: 1, outcome: 'started' });
    clock.advance(45 * 60_000);
    await recordStepOutcome(deps(), {
      actor: assessor,
      incidentId: drill.id,
      index: 1,
      outcome: 'failed',
      note: '窓口不明',
    });
    expect(
      await domainErrorOf(
        recordStepOutcome(deps(), { actor: assessor, incidentId: drill.id, index: 1, outcome: 'done' }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    const detail = await getIncident(deps(), { actor: assessor, incidentId: drill.id });
    expect(detail.steps.map((step) => [step.title, step.outcome, step.minutes, step.note])).toEqual([
      ['隔離', 'done', 12, ''],
      ['ベンダー連絡', 'failed', 45, '窓口不明'],
    ]);
    await open();
    const figures = await getIncidentFigures(deps(), { actor: assessor });
    expect(figures.monthly).toEqual([expect.objectContaining({ month: '2026-12', count: 1 })]);
    expect(figures.drillMonthly).toEqual([expect.objectContaining({ month: '2026-12', count: 1 })]);
  });

  it('keeps each organisation to its own incidents', async () => {
    const incident = await open();
    const other = await seedAssessmentTeam(database(), 'Other');
    expect(await domainErrorOf(getIncident(deps(), { actor: other.owner, incidentId: incident.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await domainErrorOf(
        createIncident(deps(), {
          actor: other.owner,
          incident: {
            title: 'x',
            severity: 'low',
            detectedAt: '2026-12-01T09:00:00Z',
            systemIds: [systemId],
            deviceIds: [cameraId],
          },
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'systemIds[0]' }, { field: 'deviceIds[0]' }] });
  });
});

describe('the incident timeline has no update or delete path', () => {
  it('no source file outside migrations updates or deletes incident_timeline rows', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? walk(join(dir, entry.name))
          : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
            ? [join(dir, entry.name)]
            : [],
      );
    })(root).filter((file) => !file.includes(`${join('db', 'migrations')}`));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((file) =>
      /(updateTable|deleteFrom)\(\s*'incident_timeline'|(UPDATE|DELETE FROM)\s+incident_timeline/i.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
