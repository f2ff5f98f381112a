/* govorun-found-agent.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFoundAgent"

#include "config.h"

#include "govorun-found-agent-private.h"

G_DEFINE_FINAL_TYPE (GovorunFoundAgent, govorun_found_agent, G_TYPE_OBJECT)

static void
govorun_found_agent_finalize (GObject *object)
{
  GovorunFoundAgent *self = GOVORUN_FOUND_AGENT (object);

  g_free (self->name);
  g_clear_pointer (&self->manifest, govorun_scenario_manifest_free);
  g_strfreev (self->numbers);
  g_free (self->vox_account_uuid);
  g_free (self->application_name);
  g_clear_pointer (&self->bound_phone_ids, g_array_unref);

  G_OBJECT_CLASS (govorun_found_agent_parent_class)->finalize (object);
}

static void
govorun_found_agent_class_init (GovorunFoundAgentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_found_agent_finalize;
}

static void
govorun_found_agent_init (GovorunFoundAgent *self)
{
  self->bound_phone_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* @manifest: (transfer full) (nullable) */
GovorunFoundAgent *
_govorun_found_agent_new (const char              *name,
                          GovorunFoundAgentState   state,
                          GovorunScenarioManifest *manifest)
{
  GovorunFoundAgent *self = g_object_new (GOVORUN_TYPE_FOUND_AGENT, NULL);

  self->state = state;
  self->name = g_strdup (name);
  if (manifest != NULL)
    _govorun_found_agent_set_manifest (self, manifest);
  else
    self->numbers = g_new0 (char *, 1);
  return self;
}

/* @manifest: (transfer full): the newest manifest, which names the agent */
void
_govorun_found_agent_set_manifest (GovorunFoundAgent       *self,
                                   GovorunScenarioManifest *manifest)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  if (self->manifest != manifest)
    g_clear_pointer (&self->manifest, govorun_scenario_manifest_free);
  self->manifest = manifest;
  g_free (self->name);
  self->name = g_strdup (manifest->agent_name);
  for (guint i = 0; i < manifest->numbers->len; i++)
    g_strv_builder_add (builder, ((GovorunManifestNumber *) g_ptr_array_index (manifest->numbers, i))->number);
  g_strfreev (self->numbers);
  self->numbers = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
}

const char *
govorun_found_agent_get_name (GovorunFoundAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_FOUND_AGENT (self), NULL);
  return self->name;
}

GovorunFoundAgentState
govorun_found_agent_get_state (GovorunFoundAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_FOUND_AGENT (self), GOVORUN_FOUND_AGENT_FOREIGN);
  return self->state;
}

const char *
govorun_found_agent_get_host (GovorunFoundAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_FOUND_AGENT (self), NULL);
  return self->manifest != NULL ? self->manifest->host : NULL;
}

gint64
govorun_found_agent_get_time (GovorunFoundAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_FOUND_AGENT (self), 0);
  return self->manifest != NULL ? self->manifest->time : 0;
}

gint64
govorun_found_agent_get_revision (GovorunFoundAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_FOUND_AGENT (self), 0);
  return self->manifest != NULL ? self->manifest->revision : 0;
}

const char * const *
govorun_found_agent_get_numbers (GovorunFoundAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_FOUND_AGENT (self), NULL);
  return (const char * const *) self->numbers;
}

const char *
govorun_found_agent_get_el_account_hint (GovorunFoundAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_FOUND_AGENT (self), NULL);
  return self->manifest != NULL ? self->manifest->el_account_hint : NULL;
}

gboolean
govorun_found_agent_get_here (GovorunFoundAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_FOUND_AGENT (self), FALSE);
  return self->here;
}
