import { personNameDetector } from './person-name.detector';

const detect = (text: string, key = 'description'): string[] => personNameDetector.detect(text, { key }).map((f) => text.slice(f.start, f.end));

describe('person-name detector', () => {
  it('fires on honorifics, even before unknown names', () => {
    expect(detect('Dr. Okonkwo reviewed the sample')).toEqual(['Dr. Okonkwo']);
    expect(detect('Ms Nakamura forwarded it')).toEqual(['Ms Nakamura']);
  });
  it('fires on names after context words', () => {
    expect(detect('Contact Oluwaseun Adeyemi for details')).toEqual(['Oluwaseun Adeyemi']);
    expect(detect('Reported by Siobhan Ní Bhraonáin.')).toEqual(['Siobhan Ní Bhraonáin']);
    expect(detect('Dear Priya,\nplease review')).toEqual(['Priya']);
    expect(detect('Regards,\nTendai Mensah')).toEqual(['Tendai Mensah']);
    expect(detect('From: Kwame Boateng')).toEqual(['Kwame Boateng']);
  });
  it('fires on lexicon pairs and half-lexicon pairs without a cue', () => {
    expect(detect('Maria Garcia opened the attachment')).toEqual(['Maria Garcia']);
    expect(detect('JOHN SMITH')).toEqual(['JOHN SMITH']);
    expect(detect('John F. Kennedy')).toEqual(['John F. Kennedy']);
    expect(detect('Jennifer Okafor clicked')).toEqual(['Jennifer Okafor']);
    expect(detect('Siobhan Murphy clicked')).toEqual(['Siobhan Murphy']);
    expect(detect("Garcia's workstation; Smith, John (HR)")).toEqual(['Smith, John']);
    expect(detect('Payroll_Farhan_Dvořák.xlsx')).toEqual(['Farhan_Dvořák']);
  });
  it('uses a person-naming property as context', () => {
    expect(detect('Ximena Quispe', 'display_name')).toEqual(['Ximena Quispe']);
    expect(detect('Ximena Quispe', 'description')).toEqual([]);
  });
  it('does not fire on threat actors, malware, techniques or products', () => {
    for (const text of [
      'Fancy Bear and Cozy Bear targeted the ministry',
      'Lazarus Group used Agent Tesla and Cobalt Strike',
      'Wizard Spider deployed Ryuk; Scattered Spider used MFA fatigue',
      'T1566.001 Spearphishing Attachment and Remote Desktop Protocol',
      'Contact Microsoft Support; Reported by Mandiant Threat Intelligence',
      'User Account Control bypass; the User Execution step',
      'A Mr. Robot themed lure; Dr.Web detects it; John the Ripper cracked hashes',
      'Hi Team, Regards, SOC Team',
      'Mark the sample; Will it run? Grace period of 30 days',
    ]) {
      expect(detect(text)).toEqual([]);
    }
  });
  it('needs two pieces of evidence (boundary)', () => {
    expect(detect('Okafor')).toEqual([]); // one unknown word
    expect(detect('contact Okafor')).toEqual([]); // weak cue, one unknown word
    expect(detect('contact Jennifer')).toEqual(['Jennifer']); // weak cue, one lexicon name
    expect(detect('Hello Okafor')).toEqual(['Okafor']); // strong cue, one unknown word
  });
});
