import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../src/service/index.js';
import { openStores } from '../src/store/open.js';
import { aUser, fakeClock } from './helpers/builders.js';
import { type FreshDatabase, freshDatabase, postgres } from './helpers/pg.js';
import { tempDir } from './helpers/run-process.js';

const LINKEDIN = { platform: 'linkedin', inviter: 'Dana Kim' } as const;
const MET = 'met_in_person_or_phone';

/** Whether anything of the user was stored: the user row itself, or anything they own. */
async function storedFor(service: Service, who: ReturnType<typeof aUser>) {
  const key = { provider: who.provider, workspace: who.workspace, externalId: who.userId };
  const user = await service.stores.users.find(key);
  return user ? await service.stores.records.triageCount(user.id) : null;
}

function serviceTransactions(name: string, open: () => Promise<Service>) {
  describe(`service transactions on ${name}`, () => {
    let service: Service;
    beforeAll(async () => {
      service = await open();
    });
    afterAll(async () => {
      await service?.stores.close();
    });

    it('a dry run hands back the decision and stores nothing, not even the user', async () => {
      const me = aUser({ userId: 'dry' });
      const view = await service.triage.dryRun(async (svc) => {
        const started = await svc.triage.startFromText(me, 'LinkedIn request', LINKEDIN);
        return svc.triage.answer(me, started.id, { questionId: MET, choice: 'no' });
      });
      expect(view.step).toMatchObject({ kind: 'decision', decision: { outcome: 'decline' } });
      expect(await storedFor(service, me)).toBeNull();
    });

    it('atomic work that throws after several calls leaves nothing; when it resolves, all of it stays', async () => {
      const me = aUser({ userId: 'atomic' });
      const boom = new Error('refused halfway');
      await expect(
        service.atomic(async (svc) => {
          const started = await svc.triage.startFromText(me, 'LinkedIn request', LINKEDIN);
          await svc.triage.answer(me, started.id, { questionId: MET, choice: 'yes' });
          await svc.time.log(me, 'linkedin 10m');
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await storedFor(service, me)).toBeNull();

      const id = await service.atomic(async (svc) => {
        const started = await svc.triage.startFromText(me, 'LinkedIn request', LINKEDIN);
        await svc.triage.answer(me, started.id, { questionId: MET, choice: 'yes' });
        return started.id;
      });
      expect(await storedFor(service, me)).toBe(1);
      expect((await service.records.history(me)).items).toEqual([
        expect.objectContaining({ triageId: id, outcome: 'accept' }),
      ]);
    });

    it('forget counts the triages it deletes', async () => {
      const me = aUser({ userId: 'leaving' });
      for (const inviter of ['A', 'B', 'C']) {
        await service.triage.startFromText(me, 'LinkedIn request', { ...LINKEDIN, inviter });
      }
      expect(await service.records.forget(me)).toEqual({ triages: 3 });
      expect(await storedFor(service, me)).toBeNull();
    });
  });
}

{
  let cleanup: () => void = () => {};
  afterAll(() => cleanup());
  serviceTransactions('SQLite', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const clock = fakeClock();
    return createService(await openStores({ kind: 'sqlite', path: `${tmp.dir}/tx.db` }, clock), clock);
  });
}

const server = await postgres();
if (server.ok) {
  let fresh: FreshDatabase | undefined;
  afterAll(async () => {
    await fresh?.drop();
  });
  serviceTransactions('PostgreSQL', async () => {
    fresh = await freshDatabase(server.url, 'service_tx');
    const clock = fakeClock();
    return createService(await openStores({ kind: 'postgres', url: fresh.url }, clock), clock);
  });
}
