import type { Candidate } from '../../../shared/contract/certificates.ts';
import type { CertificateRole } from '../../../shared/certificates/types.ts';
import { foldCase } from '../../../shared/domain/header-matcher.ts';
import { round2 } from '../../../shared/domain/jp.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/open.ts';
import { getEmployee } from '../db/repos/employees.ts';
import { toEmployee } from '../services/employee-record.ts';
import * as t from '../db/repos/trainings.ts';
import { liveCertificatesOfEvent } from '../db/repos/certificates.ts';
import { eventRecap } from '../services/recap.ts';
import { toSession } from '../services/events.ts';

/** One person a certificate would be made for, with what is printed about them. */
export interface Recipient {
  role: CertificateRole;
  key: string;
  employeeId: string | null;
  enrolmentId: string | null;
  nip: string;
  name: string;
  pangkatGolongan: string;
  jabatan: string;
  unit: string;
  jp: number;
  /** Sessions printed on the transcript: the participant's all, the speaker's own. */
  transcript: { topic: string; jp: number }[];
  includedReason: string | null;
  /** {peran} on the certificate when not the role's own word ("Moderator"); '' for that word. */
  roleLabel: string;
}

export interface EventFacts {
  event: t.EventRecord;
  sessions: ReturnType<typeof toSession>[];
  totalJp: number;
  startDate: string | null;
  endDate: string | null;
}

export function eventFacts(db: Db, event: t.EventRecord): EventFacts {
  const sessions = t.listSessions(db, event.id).map(toSession);
  const dates = sessions.map((s) => s.date).sort();
  return { event, sessions, totalJp: round2(sessions.reduce((a, s) => a + s.jp, 0)), startDate: dates[0] ?? null, endDate: dates.at(-1) ?? null };
}

/** Consecutive sessions on the same topic are one line of the transcript. */
function transcriptOf(sessions: EventFacts['sessions']): { topic: string; jp: number }[] {
  const lines: { topic: string; jp: number }[] = [];
  for (const s of sessions) {
    const topic = s.topic.trim() || 'Materi';
    const last = lines.at(-1);
    if (last && last.topic === topic) last.jp = round2(last.jp + s.jp);
    else lines.push({ topic, jp: s.jp });
  }
  return lines;
}

/** "Penata Tk. I (III/d)"; a PPPK has a golongan without pangkat: "(IX)". */
const pangkatGolongan = (e: { pangkat: string | null; golonganLabel: string | null }) =>
  [e.pangkat, e.golonganLabel ? `(${e.golonganLabel})` : ''].filter(Boolean).join(' ');

const speakerKey = (name: string) => `speaker:${foldCase(name).replace(/\s+/g, ' ').trim()}`;
const otherKey = (name: string) => `other:${foldCase(name).replace(/\s+/g, ' ').trim()}`;

function employeeRecipient(db: Db, role: CertificateRole, employeeId: string, facts: EventFacts): Recipient {
  const row = getEmployee(db, employeeId);
  const e = row ? toEmployee(row) : null;
  if (!e || e.deletedAt) throw ApiError.field(['employeeIds'], 'certificates.unknown_employee');
  return {
    role, key: `employee:${e.id}`, employeeId: e.id, enrolmentId: null, nip: e.nip, name: e.displayName,
    pangkatGolongan: pangkatGolongan(e),
    jabatan: e.jabatan, unit: e.unit ?? '', jp: facts.totalJp, transcript: transcriptOf(facts.sessions), includedReason: null, roleLabel: '',
  };
}

/**
 * Everyone the event could give a certificate to, per role, with why not (yet) for participants:
 * the completion rule decides, as the recap shows it by the office clock.
 */
export function eventCandidates(db: Db, facts: EventFacts, clock: string): { done: boolean; peserta: Candidate[]; narasumber: Candidate[]; panitia: Candidate[]; liveKeys: Set<string> } {
  const certificates = liveCertificatesOfEvent(db, facts.event.id);
  const live = new Map(certificates.map((c) => [`${c.role}|${c.recipientKey}`, { id: c.id, number: c.number }]));
  const recap = eventRecap(db, facts.event.id, clock);
  const peserta = recap.rows.map((r): Candidate => {
    const reasons: Candidate['reasons'] = [];
    if (facts.sessions.length === 0) reasons.push('no_sessions');
    else if (!recap.finished) reasons.push('event_not_done');
    else {
      if (r.reasons.includes('attendance')) reasons.push('incomplete');
      if (r.reasons.includes('post_test')) reasons.push('post_test');
    }
    return {
      key: r.enrolmentId, employeeId: r.employeeId, nip: r.nip ?? '', name: r.name,
      detail: `${r.attendancePct}% · ${r.jp} JP`, eligible: reasons.length === 0 && r.result === 'passed', reasons,
      certificate: live.get(`peserta|enrolment:${r.enrolmentId}`) ?? null,
    };
  });
  const narasumber = facts.event.speakers.map((s): Candidate => ({
    key: speakerKey(s.name), employeeId: null, nip: '', name: s.name, detail: [s.institution, s.topic].filter(Boolean).join(' · '),
    eligible: true, reasons: [], certificate: live.get(`narasumber|${speakerKey(s.name)}`) ?? null,
  }));
  const panitia = certificates.filter((c) => c.role === 'panitia').map((c): Candidate => ({
    key: c.recipientKey, employeeId: c.employeeId, nip: c.nip, name: c.name, detail: '', eligible: true, reasons: [], certificate: { id: c.id, number: c.number },
  }));
  return { done: recap.finished, peserta, narasumber, panitia, liveKeys: new Set(live.keys()) };
}

export interface IssueRequest {
  role: CertificateRole;
  include: { enrolmentId: string; reason: string }[];
  employeeIds: string[];
  others: { name: string; nip: string; jabatan: string; unit: string }[];
  roleLabel: string;
}

/**
 * Who gets a certificate now: those eligible without a live certificate of this role, plus the
 * participants an admin includes with a reason. Everyone else is skipped with why.
 */
export function planRecipients(db: Db, facts: EventFacts, clock: string, req: IssueRequest, isAdmin: boolean): { recipients: Recipient[]; skipped: { nip: string; name: string; reason: string }[] } {
  const candidates = eventCandidates(db, facts, clock);
  const recipients: Recipient[] = [];
  const skipped: { nip: string; name: string; reason: string }[] = [];
  const transcript = transcriptOf(facts.sessions);
  if (req.role === 'peserta') {
    if (req.include.length && !isAdmin) throw new ApiError('FORBIDDEN', 'Hanya admin yang dapat menerbitkan sertifikat bagi peserta yang belum memenuhi syarat.');
    const included = new Map(req.include.map((i) => [i.enrolmentId, i.reason]));
    for (const id of included.keys()) {
      if (!candidates.peserta.some((c) => c.key === id)) throw ApiError.field(['include'], 'certificates.not_a_participant');
    }
    for (const c of candidates.peserta) {
      if (c.certificate) { skipped.push({ nip: c.nip, name: c.name, reason: 'already_issued' }); continue; }
      const reason = included.get(c.key);
      if (!c.eligible && reason === undefined) { skipped.push({ nip: c.nip, name: c.name, reason: c.reasons[0] ?? 'incomplete' }); continue; }
      const enrolment = t.getEnrolment(db, c.key)!;
      const row = enrolment.employeeId ? getEmployee(db, enrolment.employeeId) : null;
      const employee = row ? toEmployee(row) : null;
      recipients.push({
        role: 'peserta', key: `enrolment:${c.key}`, employeeId: enrolment.employeeId, enrolmentId: c.key,
        nip: c.nip, name: c.name,
        pangkatGolongan: employee ? pangkatGolongan(employee) : '',
        jabatan: employee?.jabatan ?? '', unit: enrolment.unit ?? '', jp: facts.totalJp, transcript,
        includedReason: c.eligible ? null : reason ?? null, roleLabel: '',
      });
    }
  } else if (req.role === 'narasumber') {
    for (const s of facts.event.speakers) {
      const key = speakerKey(s.name);
      if (recipients.some((r) => r.key === key)) {
        skipped.push({ nip: '', name: s.name, reason: 'already_issued' });
        continue;
      }
      const own = facts.sessions.filter((x) => foldCase(x.speaker).trim() === foldCase(s.name).trim());
      recipients.push({
        role: 'narasumber', key, employeeId: null, enrolmentId: null, nip: '', name: s.name, pangkatGolongan: '',
        jabatan: '', unit: s.institution, jp: own.length ? round2(own.reduce((a, x) => a + x.jp, 0)) : facts.totalJp,
        transcript: own.length ? transcriptOf(own) : transcript, includedReason: null, roleLabel: '',
      });
    }
  }
  if (req.role !== 'peserta') {
    for (const id of req.employeeIds) {
      const r = employeeRecipient(db, req.role, id, facts);
      if (recipients.some((x) => x.key === r.key)) skipped.push({ nip: r.nip, name: r.name, reason: 'already_issued' });
      else recipients.push(r);
    }
    for (const o of req.others) {
      const key = otherKey(o.name);
      if (recipients.some((x) => x.key === key)) { skipped.push({ nip: o.nip, name: o.name, reason: 'already_issued' }); continue; }
      recipients.push({ role: req.role, key, employeeId: null, enrolmentId: null, nip: o.nip, name: o.name, pangkatGolongan: '', jabatan: o.jabatan, unit: o.unit, jp: facts.totalJp, transcript, includedReason: null, roleLabel: '' });
    }
  }
  // Whoever already holds a live certificate of this role for this event is not given a second.
  const held = (r: Recipient) => candidates.liveKeys.has(`${req.role}|${r.key}`);
  for (const r of recipients.filter(held)) skipped.push({ nip: r.nip, name: r.name, reason: 'already_issued' });
  const label = req.role === 'peserta' ? '' : req.roleLabel;
  return { recipients: recipients.filter((r) => !held(r)).map((r) => ({ ...r, roleLabel: label })), skipped };
}
