import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { beforeEach, describe, expect, it } from 'vitest';
import { INCIDENT_REPORT_TEXT } from '../../core/incidents/incident-report-text';
import { createJobFileStore } from '../../integrations/jobs/job-file-store';
import { pdfText, pdftotextAvailable, squeeze } from '../../testing/pdf-text';
import { seedLinkedDevice } from '../../testing/seed-linked-device';
import { createTestClock } from '../../testing/test-app';
import { createTestAssessmentDeps, seedAssessmentTeam, type MemberActor } from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { createSystem } from '../assessments/create-system';
import { getJob } from '../jobs/get-job';
import { openJobFile } from '../jobs/open-job-file';
import { runNextJob } from '../jobs/run-next-job';
import { addTimelineEntry } from './add-timeline-entry';
import { changeIncidentStatus } from './change-incident-status';
import { closeIncident } from './close-incident';
import { createIncident } from './create-incident';
import { incidentJobHandlers } from './incident-job-handlers';
import { requestIncidentReport } from './request-incident-report';

const hasPdftotext = pdftotextAvailable();
const LESSON = '保守用の接続経路が台帳になかった';

describeEachDialect('incident report PDF as a background job', (database) => {
  let clock = createTestClock();
  let jobFiles: ReturnType<typeof createJobFileStore>;
  const deps = () => ({ ...createTestAssessmentDeps(database(), clock), jobFiles });
  let assessor: MemberActor;
  let viewer: MemberActor;
  let incidentId: string;

  beforeEach(async () => {
    clock = createTestClock(new Date('2026-12-01T09:00:00.000Z'));
    jobFiles = createJobFileStore(mkdtempSync(join(tmpdir(), 'iotcheck-incident-jobs-')));
    const team = await seedAssessmentTeam(database(), 'Plant');
    ({ assessor, viewer } = team);
    const systemId = (
      await createSystem(deps(), { actor: team.owner, system: { name: '入退室管理', criticality: 'important' } })
    ).id;
    const deviceId = Number(
      await seedLinkedDevice(database(), team.organisationId, {
        systemId,
        fields: {
          assetTag: 'CAM-1',
          name: '正面カメラ',
          manufacturer: 'Acme',
          model: 'AC-200',
          firmwareVersion: '1.2.3',
          serialNumber: 'SN-0042',
        },
      }),
    );
    const incident = await createIncident(deps(), {
      actor: assessor,
      incident: {
        title: 'カメラの乗っ取り',
        severity: 'high',
        occurredAt: '2026-12-01T08:00:00Z',
        detectedAt: '2026-12-01T09:00:00Z',
        systemIds: [systemId],
        deviceIds: [deviceId],
      },
    });
    incidentId = incident.id;
    await addTimelineEntry(deps(), { actor: assessor, incidentId, kind: 'note', body: '保守業者へ連絡した' });
    clock.advance(45 * 60_000);
    await changeIncidentStatus(deps(), { actor: assessor, incidentId, status: 'contained', expectedVersion: 1 });
    await closeIncident(deps(), {
      actor: assessor,
      incidentId,
      lessons: [{ itemId: 'jssec-v2:57', lesson: LESSON, recommendation: '経路を台帳に登録する', owner: '山田' }],
      expectedVersion: 2,
    });
  });

  const run = () =>
    runNextJob(deps(), { workerId: 'test-worker', handlers: incidentJobHandlers(deps()), leaseMs: 60_000 });

  it('queues the job about the incident; a viewer sees it and downloads the PDF once it ran', async () => {
    const queued = await requestIncidentReport(deps(), { actor: assessor, incidentId, language: 'ja' });
    expect(queued).toMatchObject({ kind: 'incident-pdf', subjectType: 'incident', subjectId: incidentId });
    expect(await run()).toBe('ran');
    const done = await getJob(deps(), { actor: viewer, jobId: queued.id });
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ mediaType: 'application/pdf' });
    expect(done.result?.fileName).toMatch(/^iotcheck-incident-inc-0001-[A-Za-z0-9]{8}-20261201\.pdf$/);
    const file = await openJobFile(deps(), { actor: viewer, jobId: queued.id });
    const bytes = await buffer(file.content);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  describe.skipIf(!hasPdftotext)('as PDF text (pdftotext)', () => {
    const textOf = async (language: 'ja' | 'en') => {
      const queued = await requestIncidentReport(deps(), { actor: assessor, incidentId, language });
      expect(await run()).toBe('ran');
      const file = await openJobFile(deps(), { actor: viewer, jobId: queued.id });
      return squeeze(pdfText(await buffer(file.content)));
    };

    it('in Japanese: the headings, facts, times and figures, the device, the timeline and the lesson', async () => {
      const text = await textOf('ja');
      const words = INCIDENT_REPORT_TEXT.ja;
      for (const heading of [words.title, words.facts, words.times, words.figures, words.devices, words.timeline])
        expect(text).toContain(squeeze(heading));
      expect(text).toContain(squeeze(words.lessons));
      for (const fact of ['INC-0001', 'カメラの乗っ取り', 'Acme', 'AC-200', '1.2.3', 'SN-0042', '保守業者へ連絡した'])
        expect(text).toContain(fact);
      expect(text).toContain(squeeze(LESSON));
      expect(text).toContain('2026-12-0109:45UTC');
      expect(text).toContain(squeeze(words.minutes(60)));
      expect(text).toContain(squeeze(words.minutes(45)));
    });

    it('in English: the same report in English words', async () => {
      const text = await textOf('en');
      const words = INCIDENT_REPORT_TEXT.en;
      for (const heading of [words.title, words.devices, words.timeline, words.lessons, words.serial])
        expect(text).toContain(squeeze(heading));
      expect(text).toContain('SN-0042');
      expect(text).toContain(squeeze(LESSON));
      expect(text).not.toContain(squeeze(INCIDENT_REPORT_TEXT.ja.devices));
    });
  });
});
