import { composeReply } from './reply-text';

describe('composeReply', () => {
  it('names exactly the missing fields by their mail keys and explains invalid ones by rule', () => {
    const reply = composeReply(
      [
        { field: 'observableValue', problem: 'missing', message: 'is required' },
        { field: 'country', problem: 'missing', message: 'is required' },
        { field: 'tlp', problem: 'invalid', message: 'must be TLP:WHITE, TLP:GREEN or TLP:AMBER' },
      ],
      ['attachment 1 is not valid UTF-8 JSON'],
    );
    const missing = reply.text.split('Missing fields:\n')[1]?.split('\n\n')[0];
    expect(missing).toBe('  - Observable-Value\n  - Country');
    expect(reply.text).toContain('  - TLP: must be TLP:WHITE, TLP:GREEN or TLP:AMBER');
    expect(reply.text).toContain('  - attachment 1 is not valid UTF-8 JSON');
    expect(reply.subject).toMatch(/missing required fields/);
  });

  it('leaves out the sections that have nothing to say', () => {
    const reply = composeReply(
      [
        { field: 'contactEmail', problem: 'missing', message: 'is required' },
        { field: 'city', problem: 'missing', message: 'or state is required' },
      ],
      [],
    );
    expect(reply.text).toContain('  - Contact (or a From address to reply to)\n  - City (or State)\n');
    expect(reply.text).not.toContain('not valid:');
    expect(reply.text).not.toContain('STIX attachments:');
  });
});
