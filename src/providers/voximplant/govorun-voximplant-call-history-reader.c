/* govorun-voximplant-call-history-reader.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <yajl/yajl_parse.h>

#include "govorun-json.h"
#include "govorun-voximplant-call-history-reader-private.h"
#include "govorun-voximplant-client-private.h"

/*
 * How it stays the tree reader's equal (govorun-voximplant-calls.c):
 *
 * - Each object's members are described by a table in the order the tree
 *   reader reads them. While the events come, a member sets its value and
 *   one bit: given, or of the wrong type; a repeated member first undoes
 *   what the earlier one set (json-glib keeps the last). Which error an
 *   object gives is decided at its end, by the first member in table
 *   order that is missing or mistyped, so several wrong members give the
 *   error the tree reader gives.
 * - Times are kept as their six numbers until the page's "timezone" is
 *   known (Voximplant, like the emulator, sends it after "result"), then
 *   made into GDateTime by the same call as the tree reader's.
 * - The envelope's "error"/"errors" are read as the generic call reads
 *   them and checked with the same function (_govorun_voximplant_answer_check).
 */

#define REQUIRED GOVORUN_VOXIMPLANT_FIELD_REQUIRED
#define CHECKED  GOVORUN_VOXIMPLANT_FIELD_CHECKED
#define LENIENT  GOVORUN_VOXIMPLANT_FIELD_LENIENT

typedef enum
{
  OBJ_PAGE,
  OBJ_SESSION,
  OBJ_CALL,
  OBJ_RECORD,
  OBJ_USAGE,
} ObjKind;

typedef enum
{
  KIND_INT,
  KIND_DOUBLE,
  KIND_BOOL,
  KIND_STRING,
  KIND_TIME,        /* "YYYY-MM-DD HH:mm:ss" in the page's zone, into a GDateTime* */
  KIND_OBJECTS,     /* an array of objects of kind `child`, into a GPtrArray* */
  KIND_END_REASON,  /* a call's end_reason: {"code", "description"} or a string */
} Kind;

typedef struct
{
  const char             *name;
  guint8                  len;
  guint8                  kind;     /* Kind */
  guint8                  mode;     /* GovorunVoximplantField */
  guint8                  child;    /* ObjKind of KIND_OBJECTS' elements */
  guint8                  slot;     /* KIND_OBJECTS: which of Pending's first[] */
  gint8                   dflt;     /* KIND_INT: the value when absent */
  guint16                 offset;
} Field;

#define FIELD(type, member, kind, mode) \
  { #member, sizeof (#member) - 1, kind, mode, 0, 0, 0, G_STRUCT_OFFSET (type, member) }
#define OBJECTS(type, member, mode, child, slot) \
  { #member, sizeof (#member) - 1, KIND_OBJECTS, mode, child, slot, 0, G_STRUCT_OFFSET (type, member) }

/* The tree reader's parse_page, parse_session, parse_call, parse_record
 * and parse_resource_usage, in their order. */
static const Field page_fields[] = {
  FIELD (GovorunVoximplantCallHistoryPage, timezone, KIND_STRING, REQUIRED),
  { "result", 6, KIND_OBJECTS, REQUIRED, OBJ_SESSION, 0, 0,
    G_STRUCT_OFFSET (GovorunVoximplantCallHistoryPage, sessions) },
  { "total_count", 11, KIND_INT, CHECKED, 0, 0, -1,
    G_STRUCT_OFFSET (GovorunVoximplantCallHistoryPage, total_count) },
};

static const Field session_fields[] = {
  FIELD (GovorunVoximplantCallSession, call_session_history_id, KIND_INT, REQUIRED),
  FIELD (GovorunVoximplantCallSession, account_id, KIND_INT, CHECKED),
  FIELD (GovorunVoximplantCallSession, application_id, KIND_INT, CHECKED),
  FIELD (GovorunVoximplantCallSession, application_name, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCallSession, user_id, KIND_INT, LENIENT),
  FIELD (GovorunVoximplantCallSession, rule_name, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCallSession, start_date, KIND_TIME, REQUIRED),
  FIELD (GovorunVoximplantCallSession, duration, KIND_INT, CHECKED),
  FIELD (GovorunVoximplantCallSession, initiator_address, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCallSession, media_server_address, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCallSession, log_file_url, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCallSession, finish_reason, KIND_STRING, CHECKED),
  FIELD (GovorunVoximplantCallSession, audio_quality, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCallSession, custom_data, KIND_STRING, CHECKED),
  OBJECTS (GovorunVoximplantCallSession, calls, CHECKED, OBJ_CALL, 0),
  OBJECTS (GovorunVoximplantCallSession, records, CHECKED, OBJ_RECORD, 1),
  OBJECTS (GovorunVoximplantCallSession, other_resource_usage, CHECKED, OBJ_USAGE, 2),
};

static const Field call_fields[] = {
  FIELD (GovorunVoximplantCall, call_id, KIND_INT, REQUIRED),
  FIELD (GovorunVoximplantCall, start_time, KIND_TIME, REQUIRED),
  FIELD (GovorunVoximplantCall, duration, KIND_INT, CHECKED),
  FIELD (GovorunVoximplantCall, local_number, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCall, remote_number, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCall, remote_number_type, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCall, incoming, KIND_BOOL, CHECKED),
  FIELD (GovorunVoximplantCall, successful, KIND_BOOL, CHECKED),
  FIELD (GovorunVoximplantCall, transaction_id, KIND_INT, LENIENT),
  FIELD (GovorunVoximplantCall, record_url, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCall, cost, KIND_DOUBLE, CHECKED),
  FIELD (GovorunVoximplantCall, custom_data, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantCall, end_reason, KIND_END_REASON, LENIENT),
};

static const Field record_fields[] = {
  FIELD (GovorunVoximplantRecord, record_id, KIND_INT, REQUIRED),
  FIELD (GovorunVoximplantRecord, record_name, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantRecord, cost, KIND_DOUBLE, CHECKED),
  FIELD (GovorunVoximplantRecord, start_time, KIND_TIME, LENIENT),
  FIELD (GovorunVoximplantRecord, duration, KIND_INT, CHECKED),
  FIELD (GovorunVoximplantRecord, record_url, KIND_STRING, CHECKED),
  FIELD (GovorunVoximplantRecord, transaction_id, KIND_INT, LENIENT),
  FIELD (GovorunVoximplantRecord, file_size, KIND_DOUBLE, LENIENT),
  FIELD (GovorunVoximplantRecord, transcription_url, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantRecord, transcription_status, KIND_STRING, LENIENT),
};

static const Field usage_fields[] = {
  FIELD (GovorunVoximplantResourceUsage, resource_usage_id, KIND_INT, REQUIRED),
  FIELD (GovorunVoximplantResourceUsage, resource_type, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantResourceUsage, cost, KIND_DOUBLE, CHECKED),
  FIELD (GovorunVoximplantResourceUsage, description, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantResourceUsage, used_at, KIND_TIME, LENIENT),
  FIELD (GovorunVoximplantResourceUsage, transaction_id, KIND_INT, LENIENT),
  FIELD (GovorunVoximplantResourceUsage, resource_quantity, KIND_INT, LENIENT),
  FIELD (GovorunVoximplantResourceUsage, unit, KIND_STRING, LENIENT),
  FIELD (GovorunVoximplantResourceUsage, ref_call_id, KIND_INT, LENIENT),
};

typedef struct
{
  const Field *fields;
  guint        n_fields;
} Table;

static const Table tables[] = {
  [OBJ_PAGE] = { page_fields, G_N_ELEMENTS (page_fields) },
  [OBJ_SESSION] = { session_fields, G_N_ELEMENTS (session_fields) },
  [OBJ_CALL] = { call_fields, G_N_ELEMENTS (call_fields) },
  [OBJ_RECORD] = { record_fields, G_N_ELEMENTS (record_fields) },
  [OBJ_USAGE] = { usage_fields, G_N_ELEMENTS (usage_fields) },
};

/* What an object's members said, until the page is complete. */
typedef struct
{
  guint32  present;      /* a bit per field: given, not null, of its type */
  guint32  bad;          /* a bit per field: of the wrong type (not LENIENT) */
  guint16  time[6];      /* the object's one time field: y, m, d, h, min, s */
  guint    first[3];     /* per KIND_OBJECTS field's slot: where its elements'
                          * Pending begin in the reader's pool of their kind */
} Pending;

/* The Pending of a page's objects, a pool per kind (sessions, calls,
 * records, resource usages) instead of an array per object. An array's
 * elements are consecutive in their pool: while it is open, nothing else
 * adds objects of that kind (a kind only nests in its parent kind), and a
 * Pending pointer held by a frame is never to a pool that can grow while
 * the frame is open. A repeated member starts its elements afresh. */
typedef struct
{
  GArray *of[OBJ_USAGE + 1];
} Pools;

static void
pools_init (Pools *pools)
{
  for (guint i = OBJ_SESSION; i < G_N_ELEMENTS (pools->of); i++)
    pools->of[i] = g_array_sized_new (FALSE, FALSE, sizeof (Pending), 1024);
}

static void
pools_clear (Pools *pools)
{
  for (guint i = 0; i < G_N_ELEMENTS (pools->of); i++)
    g_clear_pointer (&pools->of[i], g_array_unref);
}

static Pending *
pool_get (Pools   *pools,
          ObjKind  kind,
          guint    index)
{
  return &g_array_index (pools->of[kind], Pending, index);
}

typedef enum
{
  FRAME_OBJECT,      /* an object of a table */
  FRAME_ARRAY,       /* a KIND_OBJECTS array */
  FRAME_END_REASON,  /* a call's end_reason object */
  FRAME_ERROR,       /* the envelope's "error", or the first of "errors" */
  FRAME_ERRORS,      /* the envelope's "errors" */
} FrameType;

typedef enum
{
  SPECIAL_NONE,
  SPECIAL_ERROR,
  SPECIAL_ERRORS,
  SPECIAL_CODE,
  SPECIAL_MSG,
} Special;

/* The envelope's "error", or the first item of "errors". */
typedef struct
{
  gboolean present;  /* "error" not null / "errors" a non-empty array */
  int      code;
  char    *msg;
} ErrorMember;

static void
error_member_reset (ErrorMember *member)
{
  member->present = FALSE;
  member->code = -1;
  g_clear_pointer (&member->msg, g_free);
}

typedef struct
{
  guint8       type;          /* FrameType */
  guint8       kind;          /* ObjKind: the object's, or the array's elements' */
  guint8       special;       /* Special: the member being read, when not a field */
  gint8        field;         /* the member being read: index in the table; -1 unknown */
  guint8       hint;          /* where to look for the next member's name: after the last found */
  gpointer     item;          /* the object's struct; the call of an end_reason */
  Pending     *pending;       /* the object's */
  GPtrArray   *items;         /* an array's */
  GArray      *pendings;      /* an array's, of Pending */
  Pending     *owner;         /* an array's: the object holding it */
  guint        owner_field;
  guint        n;             /* an array's elements so far */
  ErrorMember *error;         /* FRAME_ERROR's */
} Frame;

/* Frames are for the shapes read here (five levels); deeper levels are
 * only counted in `skip`, up to GOVORUN_JSON_MAX_DEPTH (too_deep ()). */
#define MAX_FRAMES 8

typedef struct
{
  GovorunVoximplantCallHistoryPage *page;
  Pending                           page_pending;
  Pools                             pools;
  Frame                             frames[MAX_FRAMES];
  guint                             depth;
  guint                             skip;        /* levels of a value being skipped */
  gboolean                          started;
  gboolean                          is_object;
  ErrorMember                       error;       /* "error" */
  ErrorMember                       errors;      /* "errors"' first item */
  yajl_handle                       handle;
  gsize                             root_end;    /* where the top value ended; 0: not yet */
} Reader;

typedef enum
{
  VALUE_NULL,
  VALUE_BOOL,
  VALUE_INT,
  VALUE_DOUBLE,
  VALUE_STRING,
} ValueType;

typedef struct
{
  ValueType   type;
  gboolean    b;
  gint64      i;
  double      d;
  const char *s;
  gsize       len;
} Value;

/* --- the objects ------------------------------------------------------------- */

static gpointer
new_item (ObjKind kind)
{
  switch (kind)
    {
    case OBJ_SESSION:
      {
        GovorunVoximplantCallSession *session = g_new0 (GovorunVoximplantCallSession, 1);

        session->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_call_free);
        session->records = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_record_free);
        session->other_resource_usage =
          g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_resource_usage_free);
        return session;
      }
    case OBJ_CALL:
      return g_new0 (GovorunVoximplantCall, 1);
    case OBJ_RECORD:
      return g_new0 (GovorunVoximplantRecord, 1);
    case OBJ_USAGE:
      return g_new0 (GovorunVoximplantResourceUsage, 1);
    case OBJ_PAGE:
    default:
      g_assert_not_reached ();
    }
}

#define MEMBER(item, field, type) ((type *) (gpointer) ((guint8 *) (item) + (field)->offset))

/* Undoes what an earlier member of the same name set. */
static void
reset_field (gpointer     item,
             Pending     *pending,
             const Field *field,
             guint        index)
{
  pending->present &= ~(1u << index);
  pending->bad &= ~(1u << index);

  switch (field->kind)
    {
    case KIND_INT:
      *MEMBER (item, field, gint64) = field->dflt;
      break;
    case KIND_DOUBLE:
      *MEMBER (item, field, double) = 0;
      break;
    case KIND_BOOL:
      *MEMBER (item, field, gboolean) = FALSE;
      break;
    case KIND_STRING:
      g_clear_pointer (MEMBER (item, field, char *), g_free);
      break;
    case KIND_TIME:
      break;
    case KIND_OBJECTS:
      /* The elements' Pending are left in their pool. */
      g_ptr_array_set_size (*MEMBER (item, field, GPtrArray *), 0);
      break;
    case KIND_END_REASON:
      {
        GovorunVoximplantCall *call = item;

        call->end_reason_code = 0;
        g_clear_pointer (&call->end_reason, g_free);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
mistyped (Pending     *pending,
          const Field *field,
          guint        index)
{
  if (field->mode == LENIENT)
    {
      g_debug ("Ignoring the “%s” field: it has the wrong type", field->name);
      return;
    }
  pending->bad |= 1u << index;
}

static gboolean
two_digits (const char *p,
            guint16    *out)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  *out = (p[0] - '0') * 10 + (p[1] - '0');
  return TRUE;
}

/* The tree reader's sscanf ("%4d-%2d-%2d %2d:%2d:%2d%c" giving 6), with
 * the form Voximplant sends read without it. */
static gboolean
scan_local_time (const char *text,
                 gsize       len,
                 guint16    *out)
{
  char buffer[64];
  int y, mo, d, h, mi, s;
  char tail;
  guint16 hi, lo;

  if (len == 19 && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' &&
      text[16] == ':' && two_digits (text, &hi) && two_digits (text + 2, &lo) &&
      two_digits (text + 5, &out[1]) && two_digits (text + 8, &out[2]) &&
      two_digits (text + 11, &out[3]) && two_digits (text + 14, &out[4]) &&
      two_digits (text + 17, &out[5]))
    {
      out[0] = hi * 100 + lo;
      return TRUE;
    }

  /* Anything else as sscanf reads it (a NUL ends the text there too). */
  if (len >= sizeof buffer)
    len = sizeof buffer - 1;
  memcpy (buffer, text, len);
  buffer[len] = '\0';
  if (sscanf (buffer, "%4d-%2d-%2d %2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail) != 6)
    return FALSE;
  /* %4d and %2d take at most 4 and 2 characters, a sign among them. */
  out[0] = (guint16) CLAMP (y, -999, 9999);
  out[1] = (guint16) CLAMP (mo, -9, 99);
  out[2] = (guint16) CLAMP (d, -9, 99);
  out[3] = (guint16) CLAMP (h, -9, 99);
  out[4] = (guint16) CLAMP (mi, -9, 99);
  out[5] = (guint16) CLAMP (s, -9, 99);
  return TRUE;
}

/* A member's scalar value. */
static void
set_field (Frame       *frame,
           const Value *value)
{
  const Field *field = &tables[frame->kind].fields[frame->field];
  Pending *pending = frame->pending;
  gpointer item = frame->item;
  guint index = frame->field;

  if (value->type == VALUE_NULL)
    return;  /* as if absent */

  switch (field->kind)
    {
    case KIND_INT:
      if (value->type != VALUE_INT)
        {
          mistyped (pending, field, index);
          return;
        }
      *MEMBER (item, field, gint64) = value->i;
      break;
    case KIND_DOUBLE:
      if (value->type == VALUE_DOUBLE)
        *MEMBER (item, field, double) = value->d;
      else if (value->type == VALUE_INT)
        *MEMBER (item, field, double) = (double) value->i;
      else
        {
          mistyped (pending, field, index);
          return;
        }
      break;
    case KIND_BOOL:
      if (value->type != VALUE_BOOL)
        {
          mistyped (pending, field, index);
          return;
        }
      *MEMBER (item, field, gboolean) = value->b;
      break;
    case KIND_STRING:
      if (value->type != VALUE_STRING)
        {
          mistyped (pending, field, index);
          return;
        }
      *MEMBER (item, field, char *) = g_strndup (value->s, value->len);
      break;
    case KIND_TIME:
      if (value->type != VALUE_STRING)
        {
          mistyped (pending, field, index);
          return;
        }
      if (!scan_local_time (value->s, value->len, pending->time))
        {
          /* Not a time: the tree reader ignores it only where LENIENT. */
          if (field->mode != LENIENT)
            pending->bad |= 1u << index;
          return;
        }
      break;
    case KIND_OBJECTS:
      mistyped (pending, field, index);
      return;
    case KIND_END_REASON:
      /* "any": a bare string is the description; other values are ignored. */
      if (value->type == VALUE_STRING)
        ((GovorunVoximplantCall *) item)->end_reason = g_strndup (value->s, value->len);
      return;
    default:
      g_assert_not_reached ();
    }

  pending->present |= 1u << index;
}

/* --- the events -------------------------------------------------------------- */

static Frame *
push (Reader    *reader,
      FrameType  type)
{
  Frame *frame;

  /* The shapes read here nest five levels; deeper ones are skipped. */
  g_assert (reader->depth < MAX_FRAMES);
  frame = &reader->frames[reader->depth++];
  memset (frame, 0, sizeof *frame);
  frame->type = type;
  frame->field = -1;
  return frame;
}

static Frame *
top (Reader *reader)
{
  return &reader->frames[reader->depth - 1];
}

static void
error_value (Frame       *frame,
             const Value *value)
{
  ErrorMember *member = frame->error;

  if (frame->special == SPECIAL_CODE)
    {
      guint64 code;

      if (value->type == VALUE_INT)
        member->code = (int) CLAMP (value->i, -1, G_MAXINT);
      else if (value->type == VALUE_STRING && memchr (value->s, '\0', value->len) == NULL)
        {
          g_autofree char *text = g_strndup (value->s, value->len);

          if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &code, NULL))
            member->code = (int) code;
        }
    }
  else if (frame->special == SPECIAL_MSG && value->type == VALUE_STRING)
    member->msg = g_strndup (value->s, value->len);
}

static void
end_reason_value (Frame       *frame,
                  const Value *value)
{
  GovorunVoximplantCall *call = frame->item;

  if (frame->special == SPECIAL_CODE && value->type == VALUE_INT)
    call->end_reason_code = (int) CLAMP (value->i, G_MININT, G_MAXINT);
  else if (frame->special == SPECIAL_MSG && value->type == VALUE_STRING)
    call->end_reason = g_strndup (value->s, value->len);
}

static int
on_scalar (Reader      *reader,
           const Value *value)
{
  Frame *frame;

  if (reader->skip > 0)
    return 1;
  if (reader->depth == 0)
    {
      reader->started = TRUE;  /* a bare value: no object */
      reader->root_end = yajl_get_bytes_consumed (reader->handle);
      return 1;
    }

  frame = top (reader);
  switch (frame->type)
    {
    case FRAME_OBJECT:
      if (frame->special == SPECIAL_ERROR)
        reader->error.present = value->type != VALUE_NULL;
      else if (frame->field >= 0)
        set_field (frame, value);
      break;
    case FRAME_ARRAY:
      /* Every element must be an object. */
      frame->owner->bad |= 1u << frame->owner_field;
      break;
    case FRAME_ERRORS:
      if (frame->n++ == 0)
        reader->errors.present = TRUE;
      break;
    case FRAME_END_REASON:
      end_reason_value (frame, value);
      break;
    case FRAME_ERROR:
      error_value (frame, value);
      break;
    default:
      g_assert_not_reached ();
    }
  return 1;
}

static int
on_null (void *ctx)
{
  Value value = { VALUE_NULL, };

  return on_scalar (ctx, &value);
}

static int
on_boolean (void *ctx,
            int   b)
{
  Value value = { VALUE_BOOL, };

  value.b = b != 0;
  return on_scalar (ctx, &value);
}

/* As json-glib has them: a number with a fraction or an exponent is a
 * double, any other an integer, its digits read as an unsigned 64-bit
 * number that stops at the largest one, then taken as signed and negated
 * after a minus (so 2^63 is -2^63 and anything larger -1, as json-glib
 * gives them). */
static int
on_number (void       *ctx,
           const char *text,
           size_t      len)
{
  Value value = { VALUE_INT, };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 64];
  g_autofree char *owned = NULL;
  const char *number = text;

  if (((Reader *) ctx)->skip > 0)
    return 1;

  /* Up to 18 digits cannot overflow: read them here. */
  if (len > 0 && len <= 18 + (text[0] == '-'))
    {
      gboolean negative = text[0] == '-';
      guint64 digits = 0;
      gsize i;

      for (i = negative ? 1 : 0; i < len && g_ascii_isdigit (text[i]); i++)
        digits = digits * 10 + (guint64) (text[i] - '0');
      if (i == len && len > (gsize) negative)
        {
          value.i = negative ? (gint64) (0 - digits) : (gint64) digits;
          return on_scalar (ctx, &value);
        }
    }

  if (len < sizeof buffer)
    {
      memcpy (buffer, text, len);
      buffer[len] = '\0';
      number = buffer;
    }
  else
    number = owned = g_strndup (text, len);

  if (memchr (number, '.', len) == NULL && memchr (number, 'e', len) == NULL &&
      memchr (number, 'E', len) == NULL)
    {
      gboolean negative = number[0] == '-';
      guint64 digits = g_ascii_strtoull (number + (negative ? 1 : 0), NULL, 10);

      value.i = (gint64) (negative ? 0 - digits : digits);
      return on_scalar (ctx, &value);
    }
  value.type = VALUE_DOUBLE;
  value.d = g_ascii_strtod (number, NULL);
  return on_scalar (ctx, &value);
}

static int
on_string (void                *ctx,
           const unsigned char *text,
           size_t               len)
{
  Value value = { VALUE_STRING, };

  value.s = (const char *) text;
  value.len = len;
  return on_scalar (ctx, &value);
}

static gboolean
key_is (const unsigned char *key,
        size_t               len,
        const char          *name)
{
  return len == strlen (name) && memcmp (key, name, len) == 0;
}

static int
on_map_key (void                *ctx,
            const unsigned char *key,
            size_t               len)
{
  Reader *reader = ctx;
  Frame *frame;

  if (reader->skip > 0)
    return 1;

  frame = top (reader);
  frame->special = SPECIAL_NONE;
  frame->field = -1;
  switch (frame->type)
    {
    case FRAME_OBJECT:
      {
        const Table *table = &tables[frame->kind];

        if (frame->kind == OBJ_PAGE && key_is (key, len, "error"))
          {
            frame->special = SPECIAL_ERROR;
            error_member_reset (&reader->error);
            break;
          }
        if (frame->kind == OBJ_PAGE && key_is (key, len, "errors"))
          {
            frame->special = SPECIAL_ERRORS;
            error_member_reset (&reader->errors);
            break;
          }
        /* Members mostly come in the table's order. */
        for (guint k = 0, i = frame->hint; k < table->n_fields; k++, i++)
          {
            const Field *field;

            if (i >= table->n_fields)
              i = 0;
            field = &table->fields[i];
            if (field->len == len && field->name[0] == (char) key[0] && memcmp (field->name, key, len) == 0)
              {
                frame->field = i;
                frame->hint = i + 1;
                reset_field (frame->item, frame->pending, field, i);
                break;
              }
          }
      }
      break;
    case FRAME_END_REASON:
      {
        GovorunVoximplantCall *call = frame->item;

        if (key_is (key, len, "code"))
          {
            frame->special = SPECIAL_CODE;
            call->end_reason_code = 0;
          }
        else if (key_is (key, len, "description"))
          {
            frame->special = SPECIAL_MSG;
            g_clear_pointer (&call->end_reason, g_free);
          }
      }
      break;
    case FRAME_ERROR:
      if (key_is (key, len, "code"))
        {
          frame->special = SPECIAL_CODE;
          frame->error->code = -1;
        }
      else if (key_is (key, len, "msg"))
        {
          frame->special = SPECIAL_MSG;
          g_clear_pointer (&frame->error->msg, g_free);
        }
      break;
    default:
      break;
    }
  return 1;
}

static void
push_object (Reader   *reader,
             ObjKind   kind,
             gpointer  item,
             Pending  *pending)
{
  Frame *frame = push (reader, FRAME_OBJECT);

  frame->kind = kind;
  frame->item = item;
  frame->pending = pending;
}

static void
push_error (Reader      *reader,
            ErrorMember *member)
{
  Frame *frame = push (reader, FRAME_ERROR);

  member->present = TRUE;
  frame->error = member;
}

/* Every open container is a frame or a level skipped: the text's nesting
 * is counted here, and the parse stops past GOVORUN_JSON_MAX_DEPTH
 * (govorun_json_check () then says why). */
static gboolean
too_deep (Reader *reader)
{
  return reader->depth + reader->skip >= GOVORUN_JSON_MAX_DEPTH;
}

static int
on_start_map (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame;

  if (too_deep (reader))
    return 0;
  if (reader->skip > 0)
    {
      reader->skip++;
      return 1;
    }
  if (reader->depth == 0)
    {
      if (reader->started)
        return 0;
      reader->started = TRUE;
      reader->is_object = TRUE;
      push_object (reader, OBJ_PAGE, reader->page, &reader->page_pending);
      return 1;
    }

  frame = top (reader);
  switch (frame->type)
    {
    case FRAME_OBJECT:
      if (frame->special == SPECIAL_ERROR)
        push_error (reader, &reader->error);
      else if (frame->field >= 0 && tables[frame->kind].fields[frame->field].kind == KIND_END_REASON)
        {
          Frame *reason;
          gpointer call = frame->item;

          reason = push (reader, FRAME_END_REASON);
          reason->item = call;
        }
      else
        {
          if (frame->field >= 0)
            mistyped (frame->pending, &tables[frame->kind].fields[frame->field], frame->field);
          reader->skip = 1;
        }
      break;
    case FRAME_ARRAY:
      {
        gpointer item = new_item (frame->kind);
        Pending *pending;

        g_ptr_array_add (frame->items, item);
        g_array_set_size (frame->pendings, frame->pendings->len + 1);
        pending = &g_array_index (frame->pendings, Pending, frame->pendings->len - 1);
        memset (pending, 0, sizeof *pending);
        push_object (reader, frame->kind, item, pending);
      }
      break;
    case FRAME_ERRORS:
      if (frame->n++ == 0)
        push_error (reader, &reader->errors);
      else
        reader->skip = 1;
      break;
    case FRAME_END_REASON:
    case FRAME_ERROR:
    default:
      reader->skip = 1;
      break;
    }
  return 1;
}

static int
on_start_array (void *ctx)
{
  Reader *reader = ctx;
  Frame *frame;

  if (too_deep (reader))
    return 0;
  if (reader->skip > 0)
    {
      reader->skip++;
      return 1;
    }
  if (reader->depth == 0)
    {
      reader->started = TRUE;
      reader->skip = 1;
      return 1;
    }

  frame = top (reader);
  switch (frame->type)
    {
    case FRAME_OBJECT:
      if (frame->special == SPECIAL_ERROR)
        {
          reader->error.present = TRUE;
          reader->skip = 1;
        }
      else if (frame->special == SPECIAL_ERRORS)
        push (reader, FRAME_ERRORS);
      else if (frame->field >= 0 && tables[frame->kind].fields[frame->field].kind == KIND_OBJECTS)
        {
          const Field *field = &tables[frame->kind].fields[frame->field];
          Pending *owner = frame->pending;
          guint owner_field = frame->field;
          Frame *array;

          /* The items are empty here: new, or reset by the member's name. */
          owner->first[field->slot] = reader->pools.of[field->child]->len;
          owner->present |= 1u << owner_field;
          array = push (reader, FRAME_ARRAY);
          array->kind = field->child;
          array->items = *MEMBER (frame->item, field, GPtrArray *);
          array->pendings = reader->pools.of[field->child];
          array->owner = owner;
          array->owner_field = owner_field;
        }
      else
        {
          if (frame->field >= 0 && tables[frame->kind].fields[frame->field].kind != KIND_END_REASON)
            mistyped (frame->pending, &tables[frame->kind].fields[frame->field], frame->field);
          reader->skip = 1;
        }
      break;
    case FRAME_ARRAY:
      frame->owner->bad |= 1u << frame->owner_field;
      reader->skip = 1;
      break;
    case FRAME_ERRORS:
      if (frame->n++ == 0)
        reader->errors.present = TRUE;
      reader->skip = 1;
      break;
    default:
      reader->skip = 1;
      break;
    }
  return 1;
}

static int
on_end (void *ctx)
{
  Reader *reader = ctx;

  if (reader->skip > 0)
    reader->skip--;
  else if (reader->depth > 0)
    reader->depth--;
  if (reader->skip == 0 && reader->depth == 0)
    reader->root_end = yajl_get_bytes_consumed (reader->handle);
  return 1;
}

/* yajl 2.1 takes a value followed by the start of an unfinished one
 * ({…}") for a complete text; json-glib does not, and neither does
 * JSON: only white space may follow. */
static gboolean
ends_clean (const guint8 *data,
            gsize         size,
            gsize         root_end)
{
  if (root_end == 0)
    return FALSE;
  for (gsize i = root_end; i < size; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
      return FALSE;
  return TRUE;
}

/* Runs @reader's events over @data; FALSE when it is not JSON. */
static gboolean
parse (Reader             *reader,
       const yajl_callbacks *with,
       const guint8       *data,
       gsize               size)
{
  gboolean ok;

  /* yajl takes a form feed or a vertical tab for white space; JSON has
   * neither, and a raw one in a string is no JSON either. */
  if (memchr (data, '\f', size) != NULL || memchr (data, '\v', size) != NULL)
    return FALSE;

  reader->handle = yajl_alloc (with, NULL, reader);
  /* The whole text is valid UTF-8 already (govorun_json_check). */
  yajl_config (reader->handle, yajl_dont_validate_strings, 1);
  ok = yajl_parse (reader->handle, data, size) == yajl_status_ok &&
       yajl_complete_parse (reader->handle) == yajl_status_ok &&
       ends_clean (data, size, reader->root_end);
  yajl_free (reader->handle);
  reader->handle = NULL;
  return ok;
}

static const yajl_callbacks callbacks = {
  on_null,
  on_boolean,
  NULL,        /* integers and doubles come as text (on_number) */
  NULL,
  on_number,
  on_string,
  on_start_map,
  on_map_key,
  on_end,
  on_start_array,
  on_end,
};

/* --- the end of the page ------------------------------------------------------ */

/* The times made for a page: a session's start, its call's and its
 * resource usage's are mostly the same local time, and GDateTime is
 * immutable, so they share one. */
typedef struct
{
  GTimeZone *tz;
  guint      next;
  struct
  {
    guint16    time[6];
    GDateTime *date;
  } made[4];
} Times;

static void
times_clear (Times *times)
{
  for (guint i = 0; i < G_N_ELEMENTS (times->made); i++)
    g_clear_pointer (&times->made[i].date, g_date_time_unref);
  g_clear_pointer (&times->tz, g_time_zone_unref);
}

/* (transfer full) (nullable): as g_date_time_new () in the page's zone. */
static GDateTime *
times_get (Times         *times,
           const guint16 *t)
{
  GDateTime *date;
  guint slot;

  for (guint i = 0; i < G_N_ELEMENTS (times->made); i++)
    if (times->made[i].date != NULL && memcmp (times->made[i].time, t, sizeof times->made[i].time) == 0)
      return g_date_time_ref (times->made[i].date);

  date = g_date_time_new (times->tz, (gint16) t[0], (gint16) t[1], (gint16) t[2],
                          (gint16) t[3], (gint16) t[4], (gint16) t[5]);
  if (date == NULL)
    return NULL;
  slot = times->next++ % G_N_ELEMENTS (times->made);
  g_clear_pointer (&times->made[slot].date, g_date_time_unref);
  memcpy (times->made[slot].time, t, sizeof times->made[slot].time);
  times->made[slot].date = g_date_time_ref (date);
  return date;
}

/* Makes the object's times and returns its error, if any: the first
 * field, in the tree reader's order, missing where REQUIRED or of the
 * wrong type; an array's elements after its own shape, in order. */
static GError *
finish_object (ObjKind    kind,
               gpointer   item,
               Pending   *pending,
               Pools     *pools,
               Times     *times,
               gboolean   descend)
{
  const Table *table = &tables[kind];

  for (guint i = 0; i < table->n_fields; i++)
    {
      const Field *field = &table->fields[i];
      guint32 bit = 1u << i;

      if (field->kind == KIND_TIME && (pending->present & bit) != 0)
        {
          GDateTime *date = times_get (times, pending->time);

          if (date == NULL)
            {
              pending->present &= ~bit;
              if (field->mode != LENIENT)
                pending->bad |= bit;
            }
          else
            *MEMBER (item, field, GDateTime *) = date;
        }

      if ((pending->bad & bit) != 0)
        return govorun_voximplant_error_new_mistyped_field (field->name);
      if ((pending->present & bit) == 0 && field->mode == REQUIRED)
        return govorun_voximplant_error_new_missing_field (field->name);

      if (field->kind == KIND_OBJECTS && descend)
        {
          GPtrArray *items = *MEMBER (item, field, GPtrArray *);

          for (guint j = 0; j < items->len; j++)
            {
              GError *error = finish_object (field->child, g_ptr_array_index (items, j),
                                             pool_get (pools, field->child, pending->first[field->slot] + j),
                                             pools, times, TRUE);

              if (error != NULL)
                return error;
            }
        }
    }
  return NULL;
}

static const char *
invalid_json_clause (void)
{
  /* Translators: follows “… could not be read:” or similar */
  return _("it is not valid JSON");
}

/* parse_page's order: the envelope's fields, the zone, the sessions. */
static GError *
finish_page (Reader *reader)
{
  GovorunVoximplantCallHistoryPage *page = reader->page;
  Times times = { NULL, };
  GError *error = NULL;

  error = finish_object (OBJ_PAGE, page, &reader->page_pending, NULL, NULL, FALSE);
  if (error != NULL)
    return error;

  if ((times.tz = g_time_zone_new_identifier (page->timezone)) == NULL)
    return govorun_voximplant_error_new_mistyped_field ("timezone");

  for (guint i = 0; i < page->sessions->len && error == NULL; i++)
    error = finish_object (OBJ_SESSION, g_ptr_array_index (page->sessions, i),
                           pool_get (&reader->pools, OBJ_SESSION, reader->page_pending.first[0] + i),
                           &reader->pools, &times, TRUE);
  times_clear (&times);
  return error;
}

GovorunVoximplantCallHistoryPage *
_govorun_voximplant_call_history_read (GBytes    *body,
                                       guint      status,
                                       gboolean   jwt_auth,
                                       GError   **error)
{
  g_autoptr(GovorunVoximplantCallHistoryPage) page = g_new0 (GovorunVoximplantCallHistoryPage, 1);
  g_autoptr(GError) json_error = NULL;
  GovorunVoximplantAnswer answer = { NULL, FALSE, FALSE, -1, NULL, FALSE };
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (body, &size);
  Reader reader = { 0, };
  GError *local;

  page->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_call_session_free);
  page->total_count = -1;
  reader.page = page;
  pools_init (&reader.pools);
  error_member_reset (&reader.error);
  error_member_reset (&reader.errors);

  /* The bounds every answer has (size, UTF-8, depth), as the same check
   * gives them: the depth is counted while parsing, and when the parse
   * fails the whole check says whether it was too deep (which it says
   * before anything else, as for the tree reader). */
  if (govorun_json_check_text ((const char *) data, size, GOVORUN_JSON_ANSWER_MAX_SIZE, &json_error) &&
      !parse (&reader, &callbacks, data, size) &&
      govorun_json_check ((const char *) data, size, GOVORUN_JSON_ANSWER_MAX_SIZE,
                          GOVORUN_JSON_MAX_DEPTH, &json_error))
    g_set_error_literal (&json_error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_INVALID,
                         invalid_json_clause ());

  if (json_error == NULL && reader.is_object)
    {
      ErrorMember *member = reader.error.present ? &reader.error
                            : reader.errors.present ? &reader.errors : NULL;

      answer.is_object = TRUE;
      answer.has_envelope = member != NULL;
      if (member != NULL)
        {
          answer.code = member->code;
          answer.msg = member->msg;
        }
      answer.has_result = (reader.page_pending.present & (1u << 1)) != 0 ||
                          (reader.page_pending.bad & (1u << 1)) != 0;
    }
  answer.json_error = json_error;

  local = _govorun_voximplant_answer_check (&answer, status, jwt_auth);
  if (local == NULL)
    local = finish_page (&reader);

  error_member_reset (&reader.error);
  error_member_reset (&reader.errors);
  pools_clear (&reader.pools);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&page);
}

/* --- for the tests and the fuzz target ------------------------------------------ */

static gboolean
same_object (ObjKind       kind,
             gconstpointer a,
             gconstpointer b)
{
  const Table *table = &tables[kind];

  for (guint i = 0; i < table->n_fields; i++)
    {
      const Field *field = &table->fields[i];
      gboolean same = TRUE;

      switch (field->kind)
        {
        case KIND_INT:
          same = *MEMBER (a, field, gint64) == *MEMBER (b, field, gint64);
          break;
        case KIND_DOUBLE:
          same = memcmp (MEMBER (a, field, double), MEMBER (b, field, double), sizeof (double)) == 0;
          break;
        case KIND_BOOL:
          same = *MEMBER (a, field, gboolean) == *MEMBER (b, field, gboolean);
          break;
        case KIND_STRING:
          same = g_strcmp0 (*MEMBER (a, field, char *), *MEMBER (b, field, char *)) == 0;
          break;
        case KIND_TIME:
          {
            GDateTime *x = *MEMBER (a, field, GDateTime *);
            GDateTime *y = *MEMBER (b, field, GDateTime *);

            same = (x == NULL && y == NULL) ||
                   (x != NULL && y != NULL && g_date_time_equal (x, y) &&
                    g_date_time_get_utc_offset (x) == g_date_time_get_utc_offset (y));
          }
          break;
        case KIND_OBJECTS:
          {
            GPtrArray *x = *MEMBER (a, field, GPtrArray *);
            GPtrArray *y = *MEMBER (b, field, GPtrArray *);

            same = x->len == y->len;
            for (guint j = 0; same && j < x->len; j++)
              same = same_object (field->child, g_ptr_array_index (x, j), g_ptr_array_index (y, j));
          }
          break;
        case KIND_END_REASON:
          {
            const GovorunVoximplantCall *x = a, *y = b;

            same = x->end_reason_code == y->end_reason_code &&
                   g_strcmp0 (x->end_reason, y->end_reason) == 0;
          }
          break;
        default:
          g_assert_not_reached ();
        }
      if (!same)
        {
          g_printerr ("The readers differ in “%s”\n", field->name);
          return FALSE;
        }
    }
  return TRUE;
}

static int
skip_start (void *ctx)
{
  ((Reader *) ctx)->skip++;
  return 1;
}

static int
skip_scalar (Reader *reader)
{
  if (reader->skip == 0)
    reader->root_end = yajl_get_bytes_consumed (reader->handle);
  return 1;
}

static int
skip_null (void *ctx)
{
  return skip_scalar (ctx);
}

static int
skip_boolean (void *ctx,
              int   b)
{
  return skip_scalar (ctx);
}

static int
skip_number (void       *ctx,
             const char *text,
             size_t      len)
{
  return skip_scalar (ctx);
}

static int
skip_string (void                *ctx,
             const unsigned char *text,
             size_t               len)
{
  return skip_scalar (ctx);
}

static int
skip_key (void                *ctx,
          const unsigned char *key,
          size_t               len)
{
  return 1;
}

/* Whether @data is JSON as this reader has it, without reading it. */
static gboolean
is_json (const guint8 *data,
         gsize         size)
{
  static const yajl_callbacks skipping = {
    skip_null, skip_boolean, NULL, NULL, skip_number, skip_string,
    skip_start, skip_key, on_end, skip_start, on_end,
  };
  Reader reader = { 0, };

  if (!govorun_json_check ((const char *) data, size, GOVORUN_JSON_ANSWER_MAX_SIZE,
                           GOVORUN_JSON_MAX_DEPTH, NULL))
    return TRUE;  /* refused alike by both, before any parsing */
  return parse (&reader, &skipping, data, size);
}

gboolean
_govorun_voximplant_call_history_readers_agree (const guint8 *data,
                                                gsize         size,
                                                guint         status)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(GError) stream_error = NULL;
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GovorunVoximplantCallHistoryPage) streamed = NULL;
  g_autoptr(GovorunVoximplantCallHistoryPage) tree = NULL;

  streamed = _govorun_voximplant_call_history_read (body, status, FALSE, &stream_error);
  tree = _govorun_voximplant_call_history_read_tree (data, size, status, &tree_error);

  g_assert ((streamed == NULL) == (stream_error != NULL));
  g_assert ((tree == NULL) == (tree_error != NULL));
  /* The one difference: json-glib reads some text that is not JSON
   * (RFC 8259) — "01", "1.", a control character in a string, a second
   * value after the first — which this reader refuses; what each then
   * says depends on the status. */
  if (!is_json (data, size))
    return streamed == NULL;
  if (streamed == NULL || tree == NULL)
    {
      if (streamed == NULL && tree == NULL && stream_error->domain == tree_error->domain &&
          stream_error->code == tree_error->code &&
          g_strcmp0 (stream_error->message, tree_error->message) == 0)
        return TRUE;
      g_printerr ("The readers differ: “%s” and “%s”\n",
                  stream_error != NULL ? stream_error->message : "a page",
                  tree_error != NULL ? tree_error->message : "a page");
      return FALSE;
    }
  return same_object (OBJ_PAGE, streamed, tree);
}
