import type { Db } from '../../db/knex';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../lib/errors';
import { renderMarkdown } from '../../lib/markdown';
import { parseInput } from '../../lib/parse';
import { hasRole, type AccountsService } from '../accounts';
import type { DomainEvents } from '../../events';
import type { Viewer } from '../claims';
import type { ReviewService, ThreadComment } from '../review';
import * as repo from './discussion-repository';
import { CommentInput, CommentUpdate, HideInput } from './discussion-schemas';

export type CommentView = ThreadComment;

export type DiscussionService = ReturnType<typeof createDiscussionService>;

const MENTION = /(?<![\w@])@([a-z0-9][a-z0-9._-]{2,31})/gi;
const MAX_MENTIONS = 10;

export const NOT_YET = 'File your own check on this claim first: its discussion opens to you then, so that your verdict stays your own.';

/**
 * A claim's discussion. Blind review holds: a reviewer reads and writes it only after filing their
 * own check on the claim (claims' read policy decides), editors always; anonymous readers never.
 */
export function createDiscussionService(db: Db, events: DomainEvents, review: ReviewService, accounts: AccountsService) {
  async function ensureAllowed(claimId: number, viewer: Viewer): Promise<void> {
    if (!(await review.mayReadOthers(claimId, viewer))) throw new ForbiddenError(NOT_YET);
  }

  /**
   * A comment this viewer may read. One the viewer may not read (a discussion they have not
   * joined by filing) is answered exactly as one that does not exist: a reviewer who has not
   * filed learns nothing of the discussion's activity from comment ids.
   */
  async function readableComment(commentId: number, viewer: Viewer): Promise<repo.CommentRecord> {
    const comment = await repo.findComment(db, commentId);
    if (!comment || !(await review.mayReadOthers(comment.claimId, viewer))) throw new NotFoundError('There is no such comment.');
    return comment;
  }

  async function ownComment(commentId: number, viewer: Viewer): Promise<repo.CommentRecord> {
    const comment = await readableComment(commentId, viewer);
    if (comment.author?.id !== viewer.id) throw new ForbiddenError('Only its author may change or delete a comment.');
    if (comment.deletedAt) throw new ConflictError('This comment was deleted.');
    return comment;
  }

  function view(record: repo.CommentRecord, viewer: Viewer): CommentView {
    const editor = hasRole(viewer.role, 'editor');
    const mine = record.author?.id === viewer.id;
    const readable = !record.deletedAt && (!record.hidden || editor);
    return {
      id: record.id,
      claimId: record.claimId,
      parentId: record.parentId,
      author: record.author && { username: record.author.username, displayName: record.author.displayName },
      bodyHtml: readable ? renderMarkdown(record.body) : null,
      body: mine && readable ? record.body : null,
      createdAt: record.createdAt,
      edited: record.updatedAt !== record.createdAt && !record.deletedAt,
      deleted: record.deletedAt !== null,
      hidden: record.hidden && { reason: record.hidden.reason, by: record.hidden.by },
      mine,
      replies: [],
    };
  }

  /** The @usernames written in a comment, lower case, at most MAX_MENTIONS. */
  const mentionedNames = (body: string) => [...new Set([...body.matchAll(MENTION)].map((m) => m[1].toLowerCase()))].slice(0, MAX_MENTIONS);

  return {
    /** Whether this viewer may see the thread at all (the claim page asks before rendering it). */
    mayDiscuss: (claimId: number, viewer: Viewer | null) => (viewer ? review.mayReadOthers(claimId, viewer) : Promise.resolve(false)),

    /** The thread: top-level comments in order, each with its replies. */
    async thread(claimId: number, viewer: Viewer): Promise<CommentView[]> {
      await ensureAllowed(claimId, viewer);
      const views = (await repo.listForClaim(db, claimId)).map((record) => view(record, viewer));
      const top = views.filter((c) => c.parentId === null);
      const byId = new Map(top.map((c) => [c.id, c]));
      for (const reply of views.filter((c) => c.parentId !== null)) byId.get(reply.parentId!)?.replies.push(reply);
      return top;
    },

    /** The thread as the claim page shows it: null when this viewer may not read it (blind review). */
    async threadFor(claimId: number, viewer: Viewer | null): Promise<CommentView[] | null> {
      return viewer && (await this.mayDiscuss(claimId, viewer)) ? this.thread(claimId, viewer) : null;
    },

    async post(claimId: number, raw: CommentInput, viewer: Viewer): Promise<{ comment: CommentView; mentions: string[] }> {
      const input = parseInput(CommentInput, raw);
      await ensureAllowed(claimId, viewer);
      let parentId: number | null = null;
      if (input.parentId) {
        const parent = await repo.findComment(db, input.parentId);
        if (!parent || parent.claimId !== claimId) throw new UnprocessableError('The comment you are answering is not in this discussion.');
        parentId = parent.parentId ?? parent.id; // replies are one level deep: an answer to a reply joins its thread
      }
      // Notified: those mentioned, then everyone else who has written in this discussion, if (and
      // only if) they may read it now: one read of the accounts and one of who has checked the
      // claim, however many people are involved. The text is never quoted: a notification is a pointer.
      const active = new Map((await accounts.listUsers()).filter((u) => !u.disabled).map((u) => [u.id, u]));
      const byName = new Map([...active.values()].map((u) => [u.username, u]));
      const mayRead = await review.whoMayReadOthers(claimId, [...active.values()]);
      const mentioned = mentionedNames(input.body).filter((name) => byName.has(name));
      const mentionTargets = mentioned.map((name) => byName.get(name)!.id).filter((userId) => mayRead.has(userId));
      const authors = new Set((await repo.listForClaim(db, claimId)).map((c) => c.author?.id).filter((id): id is number => id !== undefined));
      const others = [...authors].filter((userId) => mayRead.has(userId) && !mentionTargets.includes(userId));
      const id = await db.transaction(async (tx) => {
        const created = await repo.insertComment(tx, { claimId, parentId, authorId: viewer.id, body: input.body });
        await events.record(tx, { kind: 'comment.posted', claimId, commentId: created, authorId: viewer.id, mentioned: mentionTargets, participants: others });
        return created;
      });
      return { comment: view((await repo.findComment(db, id))!, viewer), mentions: mentioned };
    },

    async edit(commentId: number, raw: CommentUpdate, viewer: Viewer): Promise<CommentView> {
      const input = parseInput(CommentUpdate, raw);
      const comment = await ownComment(commentId, viewer);
      if (comment.hidden) throw new ConflictError('An editor hid this comment; it cannot be edited.');
      await repo.updateBody(db, commentId, input.body);
      return view((await repo.findComment(db, commentId))!, viewer);
    },

    async remove(commentId: number, viewer: Viewer): Promise<number> {
      const comment = await ownComment(commentId, viewer);
      await repo.markDeleted(db, commentId);
      return comment.claimId;
    },

    async hide(commentId: number, raw: HideInput, editor: Viewer): Promise<CommentView> {
      const input = parseInput(HideInput, raw);
      // The role first: whether the comment exists is not told to someone who may not hide it.
      if (!hasRole(editor.role, 'editor')) throw new ForbiddenError('Only editors may hide a comment.');
      await readableComment(commentId, editor);
      await repo.markHidden(db, commentId, editor.id, input.reason);
      return view((await repo.findComment(db, commentId))!, editor);
    },

    /** The claim of a comment this viewer may read (404 alike for one that does not exist and one they may not read). */
    async claimOf(commentId: number, viewer: Viewer): Promise<number> {
      return (await readableComment(commentId, viewer)).claimId;
    },
  };
}
