import { describe, expect, it } from 'vitest';
import { contract, DEFAULT_SETTINGS, type Contract } from '../../../../preload/contract';
import { createClient, FieldmarkError, type Client, type Envelope } from '../../../../preload/rpc';
import { createLockSignal } from '../../../../renderer/protection/lock-signal';
import { watchLocked } from '../../../../renderer/protection/lock-watch';
import { unlockWith, WRONG_SECRET, type Credential } from '../../../../renderer/protection/unlock-attempt';

function clientAnswering(answer: (method: string) => Envelope): Client<Contract> {
  return createClient(contract, async (method) => answer(method));
}

const locked: Envelope = { ok: false, error: { code: 'LOCKED', message: 'Fieldmark is locked.' } };

describe('the first LOCKED answer empties the page', () => {
  it('raises the lock signal for a LOCKED answer of any method, and still fails that call', async () => {
    let raised = 0;
    const client = watchLocked(
      clientAnswering(() => locked),
      () => raised++,
    );
    await expect(client.listAnnotations()).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(client.updateSettings({ fontSize: 20 })).rejects.toBeInstanceOf(FieldmarkError);
    expect(raised).toBe(2);
  });

  it('passes answers and other errors through without raising', async () => {
    let raised = 0;
    const client = watchLocked(
      clientAnswering((method) => (method === 'getSettings' ? { ok: true, value: DEFAULT_SETTINGS } : { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } })),
      () => raised++,
    );
    expect(await client.getSettings()).toEqual(DEFAULT_SETTINGS);
    await expect(client.deleteAnnotation({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(raised).toBe(0);
  });

  it('wraps every contract method and nothing else', () => {
    const client = watchLocked(clientAnswering(() => locked), () => undefined);
    expect(Object.keys(client).sort()).toEqual(Object.keys(contract).sort());
  });

  it('a signal reaches every listener until it unsubscribes', () => {
    const signal = createLockSignal();
    const heard: string[] = [];
    const stop = signal.subscribe(() => heard.push('a'));
    signal.subscribe(() => heard.push('b'));
    signal.raise();
    stop();
    signal.raise();
    expect(heard).toEqual(['a', 'b', 'b']);
  });
});

const KEY = '7K3M-Q9TZ-0V4R-HX2C-8N6P-JW1A-5DFG-B3E7-YK2M-S9QH-T4VC-0XR8-6NPZ';

function unlocker(accept: (credential: Credential) => boolean, refusal: () => Error = () => new FieldmarkError('WRONG_PASSPHRASE', 'wrong')) {
  const tried: Credential[] = [];
  return {
    tried,
    client: {
      unlock: async (credential: Credential) => {
        tried.push(credential);
        if (!accept(credential)) throw refusal();
        return { dataDir: '/d', readOnly: false, notices: [], encrypted: true, locked: false };
      },
    } as unknown as Pick<Client<Contract>, 'unlock'>,
  };
}

describe('one field for the passphrase or the recovery key', () => {
  it('tries a passphrase as a passphrase first, and stops there when it opens', async () => {
    const { client, tried } = unlocker((c) => 'passphrase' in c);
    expect(await unlockWith(client, 'river stone lantern')).toBeNull();
    expect(tried).toEqual([{ passphrase: 'river stone lantern' }]);
  });

  it('tries a recovery-key-shaped text as a key first', async () => {
    const { client, tried } = unlocker((c) => 'recoveryKey' in c);
    expect(await unlockWith(client, ` ${KEY} `)).toBeNull();
    expect(tried).toEqual([{ recoveryKey: KEY }]);
  });

  it('says the secret is wrong after both readings are refused', async () => {
    const { client, tried } = unlocker(() => false);
    expect(await unlockWith(client, 'river stone lantern')).toBe(WRONG_SECRET);
    expect(tried).toHaveLength(2);
  });

  it('treats a refusal without a code (as over the desktop bridge) as a wrong secret', async () => {
    const { client } = unlocker(() => false, () => new Error('wrong'));
    expect(await unlockWith(client, 'river stone lantern')).toBe(WRONG_SECRET);
  });

  it('says any other failure as the service said it, without a second try', async () => {
    const { client, tried } = unlocker(() => false, () => new FieldmarkError('DISK_FULL', 'The disk is full.'));
    expect(await unlockWith(client, 'river stone lantern')).toBe('The disk is full.');
    expect(tried).toHaveLength(1);
  });
});
