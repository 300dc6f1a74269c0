import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from './testing.ts';
import {
  devTransport,
  MailSendError,
  memoryTransport,
  parseSmtpUrl,
  SmtpUrlError,
  smtpTransport,
} from './transports.ts';

describe('parseSmtpUrl', () => {
  it('reads host, port, TLS mode and percent-encoded credentials', () => {
    expect(parseSmtpUrl('smtp://mailer:s%40cret@smtp.example.com:587')).toEqual({
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      auth: { user: 'mailer', pass: 's@cret' },
      requireTLS: true,
      ignoreTLS: false,
      rejectUnauthorized: true,
    });
    expect(parseSmtpUrl('smtps://u:p@smtp.example.com')).toMatchObject({
      port: 465,
      secure: true,
      requireTLS: false,
    });
    expect(parseSmtpUrl('smtp://smtp.example.com')).toMatchObject({ port: 587, requireTLS: false });
    expect(parseSmtpUrl('smtp://u:p@127.0.0.1:2525')).toMatchObject({
      port: 2525,
      requireTLS: false,
    });
    expect(parseSmtpUrl('smtp://[::1]:25?ignoreTLS=true')).toMatchObject({
      host: '::1',
      ignoreTLS: true,
    });
    expect(parseSmtpUrl('smtp://relay.lan?rejectUnauthorized=false&requireTLS=1')).toMatchObject({
      rejectUnauthorized: false,
      requireTLS: true,
    });
  });

  it('rejects what cannot work with a clear message that never repeats the password', () => {
    for (const bad of [
      '',
      'smtp.example.com:587',
      'http://u:hunter2@smtp.example.com',
      'smtp://',
      'smtp://u:hunter2@smtp.example.com:99999',
      'smtp://u:hunter2@smtp.example.com/path',
      'smtp://:hunter2@smtp.example.com',
      'smtp://u:hunter2@smtp.example.com?bogus=1',
      'smtp://u:hunter2@smtp.example.com?requireTLS=maybe',
      'smtp://u:hunter2@smtp.example.com?requireTLS=true&ignoreTLS=true',
      'smtp://u:%E0%A4%A@smtp.example.com',
    ]) {
      let error: unknown;
      try {
        parseSmtpUrl(bad);
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(SmtpUrlError);
      expect((error as SmtpUrlError).code).toBe('invalid_smtp_url');
      expect((error as Error).message).toMatch(/^Invalid SMTP URL: .+\. Expected smtp:\/\//);
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('smtpTransport refuses an invalid URL before connecting', () => {
    expect(() => smtpTransport('mailto:someone@example.com')).toThrow(SmtpUrlError);
  });
});

describe('smtpTransport against a real SMTP server', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
  });

  const mail = {
    from: 'Codelocks Connect <no-reply@connect.example>',
    to: 'ann@example.com',
    subject: 'Password Reset Request for Codelocks Connect',
    text: 'Open https://app.example/reset#token=abc and enter 04958123',
    html: '<p><a href="https://app.example/reset#token=abc">reset</a> 04958123</p>',
  };

  it('delivers text and HTML', async () => {
    sink.mode = 'accept';
    const transport = smtpTransport(sink.url);
    try {
      await transport.send(mail);
      const [got] = await sink.waitFor(1);
      expect(got?.envelopeTo).toEqual(['ann@example.com']);
      expect(got?.subject).toBe(mail.subject);
      expect(got?.text).toContain('https://app.example/reset#token=abc');
      expect(got?.html).toContain('href="https://app.example/reset#token=abc"');
      expect(got?.autoSubmitted).toBe('auto-generated');
    } finally {
      await transport.close?.();
    }
  });

  it.each([
    ['tempfail', 451],
    ['greeting421', 421],
  ] as const)('a %s answer is a transient MailSendError', async (mode, responseCode) => {
    sink.mode = mode;
    const transport = smtpTransport(sink.url);
    try {
      const error = await transport.send(mail).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MailSendError);
      expect((error as MailSendError).permanent).toBe(false);
      expect((error as MailSendError).responseCode).toBe(responseCode);
    } finally {
      sink.mode = 'accept';
      await transport.close?.();
    }
  });

  it('refuses anything but exactly one recipient, permanently and before connecting', async () => {
    const transport = smtpTransport(sink.url);
    const before = sink.attempts;
    try {
      for (const to of [
        'ann@example.com, eve@example.com',
        'ann@example.com;eve@example.com',
        'team: ann@example.com, eve@example.com;',
        'ann@example.com\r\nBcc: eve@example.com',
        '',
        'not-an-address',
      ]) {
        const error = await transport.send({ ...mail, to }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, to).toBeInstanceOf(MailSendError);
        expect((error as MailSendError).permanent).toBe(true);
      }
      expect(sink.attempts).toBe(before);
    } finally {
      await transport.close?.();
    }
  });

  it('a refused recipient (550) is permanent', async () => {
    sink.mode = 'rejectRecipient';
    const transport = smtpTransport(sink.url);
    try {
      const error = await transport.send(mail).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MailSendError);
      expect((error as MailSendError).permanent).toBe(true);
    } finally {
      sink.mode = 'accept';
      await transport.close?.();
    }
  });

  it('a relay that accepts the connection but never greets times out as a transient error', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket); // says nothing
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`, {
      greetingTimeoutMs: 300,
    });
    try {
      const error = await transport.send(mail).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MailSendError);
      expect((error as MailSendError).code).toBe('ETIMEDOUT');
      expect((error as MailSendError).permanent).toBe(false);
    } finally {
      await transport.close?.();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a closed port fails fast as a transient error (no hang)', async () => {
    const down = await startSmtpSink();
    const port = down.port;
    await down.stop();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`, {
      connectionTimeoutMs: 2_000,
    });
    try {
      const error = await transport.send(mail).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MailSendError);
      expect((error as MailSendError).permanent).toBe(false);
      expect((error as MailSendError).code).toMatch(/^E/);
    } finally {
      await transport.close?.();
    }
  });
});

describe('devTransport and memoryTransport', () => {
  const mail = { from: 'a@x.example', to: 'b@x.example', subject: 's', text: 't', html: 'h' };

  it('devTransport accepts and keeps nothing', async () => {
    await expect(devTransport().send(mail)).resolves.toBeUndefined();
  });

  it('memoryTransport records and fails on request', async () => {
    const t = memoryTransport();
    t.failNext(1);
    await expect(t.send(mail)).rejects.toBeInstanceOf(MailSendError);
    await t.send(mail);
    expect(t.sent).toEqual([mail]);
  });
});
