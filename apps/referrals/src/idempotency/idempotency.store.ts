import { Injectable } from '@nestjs/common';
import type { IdempotencyState, IdempotencyStore } from '@platform/http';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';

/** A claimed key whose request has not finished yet has response_status 0. */
const PENDING = 0;

@Injectable()
export class PrismaIdempotencyStore implements IdempotencyStore {
  constructor(private readonly prisma: PrismaService) {}

  async begin(clientId: string, key: string, requestHash: string): Promise<IdempotencyState> {
    const claimed = await this.prisma.$executeRaw`
      INSERT INTO idempotent_request (client_id, key, request_hash, response_status, response_body, created_at)
      VALUES (${clientId}, ${key}, ${requestHash}, ${PENDING}, 'null'::jsonb, now())
      ON CONFLICT DO NOTHING`;
    if (claimed === 1) return { kind: 'new' };
    const existing = await this.prisma.idempotentRequest.findUnique({
      where: { clientId_key: { clientId, key } },
    });
    if (!existing) return this.begin(clientId, key, requestHash); // abandoned meanwhile
    if (existing.requestHash !== requestHash) return { kind: 'mismatch' };
    if (existing.responseStatus === PENDING) return { kind: 'in-progress' };
    return {
      kind: 'replay',
      status: existing.responseStatus,
      body: existing.responseBody,
      etag: existing.responseEtag,
    };
  }

  async complete(
    clientId: string,
    key: string,
    status: number,
    body: unknown,
    etag: string | null,
  ): Promise<void> {
    await this.prisma.idempotentRequest.update({
      where: { clientId_key: { clientId, key } },
      data: {
        responseStatus: status,
        responseBody: (body ?? Prisma.JsonNull) as Prisma.InputJsonValue,
        responseEtag: etag,
      },
    });
  }

  async abandon(clientId: string, key: string): Promise<void> {
    await this.prisma.idempotentRequest.deleteMany({ where: { clientId, key, responseStatus: PENDING } });
  }
}
