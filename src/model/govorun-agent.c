/* govorun-agent.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgent"

#include "config.h"

#include <string.h>

#include "govorun-agent.h"
#include "govorun-util.h"

struct _GovorunAgent
{
  GObject             parent_instance;
  char *uuid;
  char *name;
  char *slug;
  char *el_account_uuid;
  char *el_agent_id;
  char *el_agent_name;
  char *vox_account_uuid;
  gboolean inbound;
  gboolean outbound;
  GovorunAgentEngine engine;
  char *webhook_url;
  char *tenant_slug;
  char *bot_language;
  char *bot_voice;
  gboolean record;
  gboolean key_in_scenario;
  GovorunAgentState state;
  char *last_step;
  char *last_error;
  gint64 application_id;
  char *application_name;
  gint64 created_at;
  gint64 updated_at;
  GPtrArray          *numbers;
  /* The manifest last deployed or seen (not a property: nothing shows it) */
  gint64 seen_revision;
  char *seen_computer;
};

G_DEFINE_FINAL_TYPE (GovorunAgent, govorun_agent, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GovorunAgentEngine, govorun_agent_engine,
  G_DEFINE_ENUM_VALUE (GOVORUN_AGENT_ENGINE_ELEVENLABS, "elevenlabs"),
  G_DEFINE_ENUM_VALUE (GOVORUN_AGENT_ENGINE_WEBHOOK, "webhook"))

G_DEFINE_ENUM_TYPE (GovorunAgentState, govorun_agent_state,
  G_DEFINE_ENUM_VALUE (GOVORUN_AGENT_STATE_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (GOVORUN_AGENT_STATE_PARTIAL, "partial"),
  G_DEFINE_ENUM_VALUE (GOVORUN_AGENT_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (GOVORUN_AGENT_STATE_DRIFTED, "drifted"),
  G_DEFINE_ENUM_VALUE (GOVORUN_AGENT_STATE_ERROR, "error"))

G_DEFINE_BOXED_TYPE (GovorunAgentNumber, govorun_agent_number,
                     govorun_agent_number_copy, govorun_agent_number_free)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_SLUG,
  PROP_EL_ACCOUNT_UUID,
  PROP_EL_AGENT_ID,
  PROP_EL_AGENT_NAME,
  PROP_VOX_ACCOUNT_UUID,
  PROP_INBOUND,
  PROP_OUTBOUND,
  PROP_ENGINE,
  PROP_WEBHOOK_URL,
  PROP_TENANT_SLUG,
  PROP_RECORD,
  PROP_KEY_IN_SCENARIO,
  PROP_BOT_LANGUAGE,
  PROP_BOT_VOICE,
  PROP_STATE,
  PROP_LAST_STEP,
  PROP_LAST_ERROR,
  PROP_APPLICATION_ID,
  PROP_APPLICATION_NAME,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_NUMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
govorun_agent_engine_to_string (GovorunAgentEngine engine)
{
  return govorun_enum_to_nick (GOVORUN_TYPE_AGENT_ENGINE, engine);
}

gboolean
govorun_agent_engine_from_string (const char         *str,
                                  GovorunAgentEngine *out_engine)
{
  int value;

  if (!govorun_enum_from_nick (GOVORUN_TYPE_AGENT_ENGINE, str, &value))
    return FALSE;
  if (out_engine != NULL)
    *out_engine = value;
  return TRUE;
}

const char *
govorun_agent_state_to_string (GovorunAgentState state)
{
  return govorun_enum_to_nick (GOVORUN_TYPE_AGENT_STATE, state);
}

gboolean
govorun_agent_state_from_string (const char        *str,
                                 GovorunAgentState *out_state)
{
  int value;

  if (!govorun_enum_from_nick (GOVORUN_TYPE_AGENT_STATE, str, &value))
    return FALSE;
  if (out_state != NULL)
    *out_state = value;
  return TRUE;
}

GovorunAgentNumber *
govorun_agent_number_new (gint64      phone_id,
                          const char *number)
{
  GovorunAgentNumber *self = g_new0 (GovorunAgentNumber, 1);

  self->phone_id = phone_id;
  self->number = g_strdup (number);
  return self;
}

GovorunAgentNumber *
govorun_agent_number_copy (const GovorunAgentNumber *number)
{
  g_return_val_if_fail (number != NULL, NULL);

  return govorun_agent_number_new (number->phone_id, number->number);
}

void
govorun_agent_number_free (GovorunAgentNumber *number)
{
  if (number == NULL)
    return;
  g_free (number->number);
  g_free (number);
}

/* Russian letters a-я in order, then ё: a small table is all the
 * transliteration slugs need (anything else becomes a separator). */
static const char * const cyrillic_lower[] = {
  "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
  "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};

char *
govorun_agent_slugify (const char *name)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  gboolean pending_dash = FALSE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("agent");

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      const char *ascii = NULL;
      char buf[2] = { 0, 0 };

      if (c < 128 && (g_ascii_isdigit (c) || (c >= 'a' && c <= 'z')))
        {
          buf[0] = (char) c;
          ascii = buf;
        }
      else if (c >= 0x0430 && c <= 0x044F)
        ascii = cyrillic_lower[c - 0x0430];
      else if (c == 0x0451)
        ascii = "e";

      if (ascii == NULL)
        {
          pending_dash = TRUE;
          continue;
        }
      if (*ascii == '\0')   /* hard and soft signs */
        continue;
      if (pending_dash && slug->len > 0)
        g_string_append_c (slug, '-');
      pending_dash = FALSE;
      g_string_append (slug, ascii);
    }

  if (slug->len > GOVORUN_AGENT_SLUG_MAX_LEN)
    g_string_truncate (slug, GOVORUN_AGENT_SLUG_MAX_LEN);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_assign (slug, "agent");

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

char *
govorun_agent_slug_candidate (const char *base,
                              guint       n)
{
  g_autofree char *suffix = NULL;
  gsize keep;

  g_return_val_if_fail (base != NULL, NULL);

  if (n < 2)
    return g_strdup (base);

  suffix = g_strdup_printf ("-%u", n);
  keep = MIN (strlen (base), GOVORUN_AGENT_SLUG_MAX_LEN - strlen (suffix));
  while (keep > 0 && base[keep - 1] == '-')
    keep--;
  return g_strdup_printf ("%.*s%s", (int) keep, base, suffix);
}

static void
govorun_agent_finalize (GObject *object)
{
  GovorunAgent *self = GOVORUN_AGENT (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->slug);
  g_free (self->el_account_uuid);
  g_free (self->el_agent_id);
  g_free (self->el_agent_name);
  g_free (self->vox_account_uuid);
  g_free (self->webhook_url);
  g_free (self->tenant_slug);
  g_free (self->bot_language);
  g_free (self->bot_voice);
  g_free (self->seen_computer);
  g_free (self->last_step);
  g_free (self->last_error);
  g_free (self->application_name);
  g_ptr_array_unref (self->numbers);

  G_OBJECT_CLASS (govorun_agent_parent_class)->finalize (object);
}

static void
govorun_agent_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GovorunAgent *self = GOVORUN_AGENT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_EL_ACCOUNT_UUID:
      g_value_set_string (value, self->el_account_uuid);
      break;

    case PROP_EL_AGENT_ID:
      g_value_set_string (value, self->el_agent_id);
      break;

    case PROP_EL_AGENT_NAME:
      g_value_set_string (value, self->el_agent_name);
      break;

    case PROP_VOX_ACCOUNT_UUID:
      g_value_set_string (value, self->vox_account_uuid);
      break;

    case PROP_INBOUND:
      g_value_set_boolean (value, self->inbound);
      break;

    case PROP_OUTBOUND:
      g_value_set_boolean (value, self->outbound);
      break;

    case PROP_ENGINE:
      g_value_set_enum (value, self->engine);
      break;

    case PROP_WEBHOOK_URL:
      g_value_set_string (value, self->webhook_url);
      break;

    case PROP_TENANT_SLUG:
      g_value_set_string (value, self->tenant_slug);
      break;

    case PROP_BOT_LANGUAGE:
      g_value_set_string (value, self->bot_language);
      break;

    case PROP_BOT_VOICE:
      g_value_set_string (value, self->bot_voice);
      break;

    case PROP_RECORD:
      g_value_set_boolean (value, self->record);
      break;

    case PROP_KEY_IN_SCENARIO:
      g_value_set_boolean (value, self->key_in_scenario);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_LAST_STEP:
      g_value_set_string (value, self->last_step);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_APPLICATION_ID:
      g_value_set_int64 (value, self->application_id);
      break;

    case PROP_APPLICATION_NAME:
      g_value_set_string (value, self->application_name);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_NUMBERS:
      g_value_set_boxed (value, self->numbers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_agent_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GovorunAgent *self = GOVORUN_AGENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      govorun_agent_set_name (self, g_value_get_string (value));
      break;

    case PROP_EL_ACCOUNT_UUID:
      govorun_agent_set_el_account_uuid (self, g_value_get_string (value));
      break;

    case PROP_EL_AGENT_ID:
      govorun_agent_set_el_agent_id (self, g_value_get_string (value));
      break;

    case PROP_EL_AGENT_NAME:
      govorun_agent_set_el_agent_name (self, g_value_get_string (value));
      break;

    case PROP_VOX_ACCOUNT_UUID:
      govorun_agent_set_vox_account_uuid (self, g_value_get_string (value));
      break;

    case PROP_INBOUND:
      govorun_agent_set_inbound (self, g_value_get_boolean (value));
      break;

    case PROP_OUTBOUND:
      govorun_agent_set_outbound (self, g_value_get_boolean (value));
      break;

    case PROP_ENGINE:
      govorun_agent_set_engine (self, g_value_get_enum (value));
      break;

    case PROP_WEBHOOK_URL:
      govorun_agent_set_webhook_url (self, g_value_get_string (value));
      break;

    case PROP_TENANT_SLUG:
      govorun_agent_set_tenant_slug (self, g_value_get_string (value));
      break;

    case PROP_BOT_LANGUAGE:
      govorun_agent_set_bot_language (self, g_value_get_string (value));
      break;

    case PROP_BOT_VOICE:
      govorun_agent_set_bot_voice (self, g_value_get_string (value));
      break;

    case PROP_RECORD:
      govorun_agent_set_record (self, g_value_get_boolean (value));
      break;

    case PROP_KEY_IN_SCENARIO:
      govorun_agent_set_key_in_scenario (self, g_value_get_boolean (value));
      break;

    case PROP_STATE:
      govorun_agent_set_state (self, g_value_get_enum (value));
      break;

    case PROP_LAST_STEP:
      govorun_agent_set_last_step (self, g_value_get_string (value));
      break;

    case PROP_LAST_ERROR:
      govorun_agent_set_last_error (self, g_value_get_string (value));
      break;

    case PROP_APPLICATION_ID:
      govorun_agent_set_application_id (self, g_value_get_int64 (value));
      break;

    case PROP_APPLICATION_NAME:
      govorun_agent_set_application_name (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      govorun_agent_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      govorun_agent_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_agent_class_init (GovorunAgentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_agent_finalize;
  object_class->get_property = govorun_agent_get_property;
  object_class->set_property = govorun_agent_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EL_ACCOUNT_UUID] =
    g_param_spec_string ("el-account-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EL_AGENT_ID] =
    g_param_spec_string ("el-agent-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EL_AGENT_NAME] =
    g_param_spec_string ("el-agent-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOX_ACCOUNT_UUID] =
    g_param_spec_string ("vox-account-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INBOUND] =
    g_param_spec_boolean ("inbound", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTBOUND] =
    g_param_spec_boolean ("outbound", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENGINE] =
    g_param_spec_enum ("engine", NULL, NULL, GOVORUN_TYPE_AGENT_ENGINE, GOVORUN_AGENT_ENGINE_ELEVENLABS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEBHOOK_URL] =
    g_param_spec_string ("webhook-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TENANT_SLUG] =
    g_param_spec_string ("tenant-slug", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_boolean ("record", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOT_LANGUAGE] =
    g_param_spec_string ("bot-language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOT_VOICE] =
    g_param_spec_string ("bot-voice", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY_IN_SCENARIO] =
    g_param_spec_boolean ("key-in-scenario", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, GOVORUN_TYPE_AGENT_STATE, GOVORUN_AGENT_STATE_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_STEP] =
    g_param_spec_string ("last-step", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION_ID] =
    g_param_spec_int64 ("application-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION_NAME] =
    g_param_spec_string ("application-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Of GovorunAgentNumber; notified by govorun_agent_set_numbers(). */
  properties[PROP_NUMBERS] =
    g_param_spec_boxed ("numbers", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_agent_init (GovorunAgent *self)
{
  self->inbound = TRUE;
  self->outbound = FALSE;
  self->record = TRUE;
  self->engine = GOVORUN_AGENT_ENGINE_ELEVENLABS;
  self->state = GOVORUN_AGENT_STATE_DRAFT;
  self->numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
}

GovorunAgent *
govorun_agent_new (void)
{
  return g_object_new (GOVORUN_TYPE_AGENT, NULL);
}

GovorunAgent *
govorun_agent_copy (GovorunAgent *self)
{
  GovorunAgent *copy;

  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  copy = govorun_agent_new ();
  govorun_agent_assign (copy, self);
  return copy;
}

static gboolean
numbers_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      GovorunAgentNumber *x = g_ptr_array_index (a, i);
      GovorunAgentNumber *y = g_ptr_array_index (b, i);

      if (x->phone_id != y->phone_id || g_strcmp0 (x->number, y->number) != 0)
        return FALSE;
    }
  return TRUE;
}

void
govorun_agent_assign (GovorunAgent *self,
                      GovorunAgent *from)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));
  g_return_if_fail (GOVORUN_IS_AGENT (from));

  if (self == from)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  govorun_agent_set_uuid (self, from->uuid);
  govorun_agent_set_name (self, from->name);
  govorun_agent_set_slug (self, from->slug);
  govorun_agent_set_el_account_uuid (self, from->el_account_uuid);
  govorun_agent_set_el_agent_id (self, from->el_agent_id);
  govorun_agent_set_el_agent_name (self, from->el_agent_name);
  govorun_agent_set_vox_account_uuid (self, from->vox_account_uuid);
  govorun_agent_set_inbound (self, from->inbound);
  govorun_agent_set_outbound (self, from->outbound);
  govorun_agent_set_engine (self, from->engine);
  govorun_agent_set_webhook_url (self, from->webhook_url);
  govorun_agent_set_tenant_slug (self, from->tenant_slug);
  govorun_agent_set_bot_language (self, from->bot_language);
  govorun_agent_set_bot_voice (self, from->bot_voice);
  govorun_agent_set_record (self, from->record);
  govorun_agent_set_key_in_scenario (self, from->key_in_scenario);
  govorun_agent_set_state (self, from->state);
  govorun_agent_set_last_step (self, from->last_step);
  govorun_agent_set_last_error (self, from->last_error);
  govorun_agent_set_application_id (self, from->application_id);
  govorun_agent_set_application_name (self, from->application_name);
  govorun_agent_set_created_at (self, from->created_at);
  govorun_agent_set_updated_at (self, from->updated_at);
  govorun_agent_set_numbers (self, from->numbers);
  govorun_agent_set_seen_manifest (self, from->seen_revision, from->seen_computer);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
govorun_agent_get_seen_revision (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), 0);

  return self->seen_revision;
}

const char *
govorun_agent_get_seen_computer (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->seen_computer;
}

void
govorun_agent_set_seen_manifest (GovorunAgent *self,
                                 gint64        revision,
                                 const char   *computer_id)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  self->seen_revision = revision;
  if (self->seen_computer != computer_id)
    {
      g_free (self->seen_computer);
      self->seen_computer = g_strdup (computer_id);
    }
}

const char *
govorun_agent_get_uuid (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->uuid;
}

void
govorun_agent_set_uuid (GovorunAgent *self,
                        const char *uuid)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->uuid, uuid) == 0)
    return;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
govorun_agent_get_name (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->name;
}

void
govorun_agent_set_name (GovorunAgent *self,
                        const char *name)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
govorun_agent_get_slug (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->slug;
}

void
govorun_agent_set_slug (GovorunAgent *self,
                        const char *slug)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->slug, slug) == 0)
    return;
  g_free (self->slug);
  self->slug = g_strdup (slug);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG]);
}

const char *
govorun_agent_get_el_account_uuid (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->el_account_uuid;
}

void
govorun_agent_set_el_account_uuid (GovorunAgent *self,
                                   const char *el_account_uuid)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->el_account_uuid, el_account_uuid) == 0)
    return;
  g_free (self->el_account_uuid);
  self->el_account_uuid = g_strdup (el_account_uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EL_ACCOUNT_UUID]);
}

const char *
govorun_agent_get_el_agent_id (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->el_agent_id;
}

void
govorun_agent_set_el_agent_id (GovorunAgent *self,
                               const char *el_agent_id)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->el_agent_id, el_agent_id) == 0)
    return;
  g_free (self->el_agent_id);
  self->el_agent_id = g_strdup (el_agent_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EL_AGENT_ID]);
}

const char *
govorun_agent_get_el_agent_name (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->el_agent_name;
}

void
govorun_agent_set_el_agent_name (GovorunAgent *self,
                                 const char *el_agent_name)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->el_agent_name, el_agent_name) == 0)
    return;
  g_free (self->el_agent_name);
  self->el_agent_name = g_strdup (el_agent_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EL_AGENT_NAME]);
}

const char *
govorun_agent_get_vox_account_uuid (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->vox_account_uuid;
}

void
govorun_agent_set_vox_account_uuid (GovorunAgent *self,
                                    const char *vox_account_uuid)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->vox_account_uuid, vox_account_uuid) == 0)
    return;
  g_free (self->vox_account_uuid);
  self->vox_account_uuid = g_strdup (vox_account_uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOX_ACCOUNT_UUID]);
}

gboolean
govorun_agent_get_inbound (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), 0);

  return self->inbound;
}

void
govorun_agent_set_inbound (GovorunAgent *self,
                           gboolean inbound)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  inbound = !!inbound;
  if (self->inbound == inbound)
    return;
  self->inbound = inbound;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INBOUND]);
}

gboolean
govorun_agent_get_outbound (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), 0);

  return self->outbound;
}

void
govorun_agent_set_outbound (GovorunAgent *self,
                            gboolean outbound)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  outbound = !!outbound;
  if (self->outbound == outbound)
    return;
  self->outbound = outbound;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOUND]);
}

GovorunAgentEngine
govorun_agent_get_engine (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), 0);

  return self->engine;
}

void
govorun_agent_set_engine (GovorunAgent *self,
                          GovorunAgentEngine engine)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (self->engine == engine)
    return;
  self->engine = engine;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

const char *
govorun_agent_get_webhook_url (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->webhook_url;
}

void
govorun_agent_set_webhook_url (GovorunAgent *self,
                               const char *webhook_url)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->webhook_url, webhook_url) == 0)
    return;
  g_free (self->webhook_url);
  self->webhook_url = g_strdup (webhook_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEBHOOK_URL]);
}

const char *
govorun_agent_get_tenant_slug (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->tenant_slug;
}

void
govorun_agent_set_tenant_slug (GovorunAgent *self,
                               const char *tenant_slug)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->tenant_slug, tenant_slug) == 0)
    return;
  g_free (self->tenant_slug);
  self->tenant_slug = g_strdup (tenant_slug);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TENANT_SLUG]);
}

gboolean
govorun_agent_get_record (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), 0);

  return self->record;
}

void
govorun_agent_set_record (GovorunAgent *self,
                          gboolean record)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  record = !!record;
  if (self->record == record)
    return;
  self->record = record;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

const char *
govorun_agent_get_bot_language (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->bot_language;
}

void
govorun_agent_set_bot_language (GovorunAgent *self,
                                const char   *bot_language)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->bot_language, bot_language) == 0)
    return;
  g_free (self->bot_language);
  self->bot_language = g_strdup (bot_language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOT_LANGUAGE]);
}

const char *
govorun_agent_get_bot_voice (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->bot_voice;
}

void
govorun_agent_set_bot_voice (GovorunAgent *self,
                             const char   *bot_voice)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->bot_voice, bot_voice) == 0)
    return;
  g_free (self->bot_voice);
  self->bot_voice = g_strdup (bot_voice);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOT_VOICE]);
}

gboolean
govorun_agent_get_key_in_scenario (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), FALSE);

  return self->key_in_scenario;
}

void
govorun_agent_set_key_in_scenario (GovorunAgent *self,
                                   gboolean      key_in_scenario)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  key_in_scenario = !!key_in_scenario;
  if (self->key_in_scenario == key_in_scenario)
    return;
  self->key_in_scenario = key_in_scenario;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_IN_SCENARIO]);
}

GovorunAgentState
govorun_agent_get_state (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), 0);

  return self->state;
}

void
govorun_agent_set_state (GovorunAgent *self,
                         GovorunAgentState state)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
govorun_agent_get_last_step (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->last_step;
}

void
govorun_agent_set_last_step (GovorunAgent *self,
                             const char *last_step)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->last_step, last_step) == 0)
    return;
  g_free (self->last_step);
  self->last_step = g_strdup (last_step);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_STEP]);
}

const char *
govorun_agent_get_last_error (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->last_error;
}

void
govorun_agent_set_last_error (GovorunAgent *self,
                              const char *last_error)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->last_error, last_error) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (last_error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

gint64
govorun_agent_get_application_id (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), 0);

  return self->application_id;
}

void
govorun_agent_set_application_id (GovorunAgent *self,
                                  gint64 application_id)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (self->application_id == application_id)
    return;
  self->application_id = application_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION_ID]);
}

const char *
govorun_agent_get_application_name (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->application_name;
}

void
govorun_agent_set_application_name (GovorunAgent *self,
                                    const char *application_name)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (g_strcmp0 (self->application_name, application_name) == 0)
    return;
  g_free (self->application_name);
  self->application_name = g_strdup (application_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION_NAME]);
}

gint64
govorun_agent_get_created_at (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), 0);

  return self->created_at;
}

void
govorun_agent_set_created_at (GovorunAgent *self,
                              gint64 created_at)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (self->created_at == created_at)
    return;
  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

void
govorun_agent_set_updated_at (GovorunAgent *self,
                              gint64 updated_at)
{
  g_return_if_fail (GOVORUN_IS_AGENT (self));

  if (self->updated_at == updated_at)
    return;
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

GPtrArray *
govorun_agent_get_numbers (GovorunAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), NULL);

  return self->numbers;
}

void
govorun_agent_set_numbers (GovorunAgent *self,
                           GPtrArray    *numbers)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (GOVORUN_IS_AGENT (self));

  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    g_ptr_array_add (copy, govorun_agent_number_copy (g_ptr_array_index (numbers, i)));

  if (numbers_equal (self->numbers, copy))
    return;

  g_ptr_array_unref (self->numbers);
  self->numbers = g_steal_pointer (&copy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBERS]);
}

gboolean
govorun_agent_has_phone_id (GovorunAgent *self,
                            gint64        phone_id)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT (self), FALSE);

  for (guint i = 0; i < self->numbers->len; i++)
    if (((GovorunAgentNumber *) g_ptr_array_index (self->numbers, i))->phone_id == phone_id)
      return TRUE;
  return FALSE;
}
