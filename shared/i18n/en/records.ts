import type { records as id } from '../id/records.ts';

const ON = '{{startAt, datetime(day: numeric; month: long; year: numeric; timeZone: UTC)}}';

export const records: typeof id = {
  records: {
    not_found: 'Training record not found.',
    employee_removed: '{{name}} has been removed from the roster. Restore their data first if this training is theirs.',
    jp_required: 'Enter the JP from the certificate, or the hours of learning or number of sessions so the JP follows the {{method}} rule.',
    jp_contradicts_rule: 'By the {{method}} rule the JP is {{computed}}. If the certificate states other JP, give the reason.',
    duplicate: `This training is already recorded for {{name}} (NIP {{nipText}}): "{{title}}", starting ${ON}. The same training is not recorded twice.`,
    duplicate_certificate: `Certificate number {{certificateNumber}} is already recorded on "{{title}}" of {{name}} (NIP {{nipText}}), starting ${ON}. One certificate is not recorded twice.`,
    duplicate_office_event: `This is the office's own event "{{eventName}}" (starting ${ON}), which {{name}} attended: its JP are counted from the attendance, not again as an outside training.`,
    duplicate_office_certificate: 'Certificate number {{certificateNumber}} was issued by this office for the event "{{eventName}}": its JP are counted from that event, not again as an outside training.',
    duplicate_office_event_row: 'This is the office\'s own event ("{{eventName}}") this person attended; its JP are already counted from the attendance, not imported.',
    duplicate_existing: 'This training is already recorded for this person on the same dates; not imported again.',
    duplicate_certificate_existing: 'Certificate number {{certificateNumber}} is already recorded; not imported again.',
    duplicate_in_file: 'Same as row {{row}} of this file; not imported twice.',
    scan_not_allowed: 'A scan must be a PDF, JPG or PNG file. This file is none of them (judged by its content, not its name).',
    scan_too_large: 'The scan is too large (at most {{maxMb}} MB). Scan it again at a lower resolution.',
    no_scan: 'This training record has no certificate scan.',
    scan_missing: 'The certificate scan is not in this data folder (the data may have been restored from a backup or moved from another computer). Upload the scan again.',
    scan_damaged: 'The certificate scan in the data folder is damaged (its content does not match what was stored). Upload the scan again.',
    title_not_mapped: 'No column is mapped to the training title.',
    start_not_mapped: 'No column is mapped to the start date.',
    method_unknown: 'Method "{{value}}" is not known. Give its number 1–25 from the SIASN jenis diklat list or its name, e.g. 16 or E-Learning.',
    method_required: 'The method is empty. Fill in the column, or choose a default method for this file (on the command line --method).',
    number_invalid: '"{{value}}" is not a number that can be read. Write it like 3 or 3.5.',
    name_differs: 'The name in the file "{{name}}" differs from the roster\'s name for this NIP ({{rosterName}}). Check the NIP.',
    rule: {
      unknown: 'Unknown method.',
      actual: 'By hours of learning: 1 JP = {{minutes}} minutes.',
      actual_bonus: 'By hours of learning (1 JP = {{minutes}} minutes), plus {{bonusPct}}% for an international activity.',
      per_day: '{{perDay}} JP per day × {{days}} days.',
      cap_per_day: 'By hours of learning (1 JP = {{minutes}} minutes), at most {{cap}} JP per day × {{days}} days.',
      per_session: '{{jp}} JP per session, at most {{maxPerMonth}} sessions a month ({{months}} months).',
      per_activity: '{{jp}} JP per activity.',
    },
  },
};
