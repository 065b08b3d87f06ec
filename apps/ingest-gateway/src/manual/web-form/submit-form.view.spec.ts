import { FIELD_NAMES } from '../manual-submission.dto';
import { escapeHtml, renderForm, renderThanks } from './submit-form.view';

describe('the web form page', () => {
  it('gives every control a label and ties each error to its control and the summary', () => {
    const html = renderForm({ values: {}, problems: [{ field: 'title', problem: 'missing', message: 'is required' }], csrfToken: 'token' });
    for (const field of FIELD_NAMES) {
      expect(html).toContain(`id="f-${field}"`);
      expect(html).toContain(`for="f-${field}"`);
    }
    expect(html).toContain('<a href="#f-title">Title is required</a>');
    expect(html).toMatch(/id="f-title"[^>]*aria-invalid="true"[^>]*aria-describedby="f-title-hint f-title-error"/);
    expect(html).not.toContain('<script');
    expect(html).toContain('<input type="hidden" name="_csrf" value="token">');
  });

  it('escapes what the submitter typed when it shows the form again', () => {
    const html = renderForm({ values: { title: '"><script>alert(1)</script>', description: '</textarea><b>' }, problems: [], csrfToken: 't' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('</textarea><b>');
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
    expect(escapeHtml(`&<>"'`)).toBe('&#38;&#60;&#62;&#34;&#39;');
  });

  it('shows the reference number on the thank-you page', () => {
    expect(renderThanks('3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60')).toContain('3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60');
    expect(renderThanks(null)).not.toContain('reference number is');
  });
});
