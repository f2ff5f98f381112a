/* govorun-provisioner-run.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-format.h"
#include "govorun-provisioner-private.h"
#include "govorun-secrets.h"

/* --- the state of one run ------------------------------------------------ */

static void
obj_clear (Obj *obj)
{
  g_clear_pointer (&obj->name, g_free);
  g_clear_pointer (&obj->script, g_free);
  g_clear_pointer (&obj->wanted_script, govorun_secret_free);
  g_clear_pointer (&obj->pattern, g_free);
  g_clear_pointer (&obj->wanted_pattern, g_free);
  g_clear_pointer (&obj->scenario_ids, g_array_unref);
}

void
_govorun_provisioner_phone_free (Phone *phone)
{
  g_free (phone->number);
  g_free (phone);
}

void
_govorun_provisioner_run_free (Run *run)
{
  g_clear_object (&run->agent);
  g_free (run->uuid);
  g_free (run->slug);
  g_clear_object (&run->vox_account);
  g_clear_object (&run->el_account);
  g_clear_object (&run->client);
  g_clear_pointer (&run->el_key, govorun_secret_free);
  g_free (run->el_url);
  g_clear_pointer (&run->records, g_hash_table_unref);
  g_clear_pointer (&run->new_records, g_hash_table_unref);
  g_clear_pointer (&run->changes, govorun_provider_object_changes_free);
  obj_clear (&run->app);
  for (guint i = 0; i < N_KINDS; i++)
    obj_clear (&run->scenarios[i]);
  obj_clear (&run->rules[0]);
  obj_clear (&run->rules[1]);
  g_clear_pointer (&run->phones, g_hash_table_unref);
  g_clear_pointer (&run->plan, govorun_plan_free);
  g_clear_pointer (&run->drift, g_ptr_array_unref);
  g_clear_pointer (&run->scenario_text, govorun_secret_free);
  g_free (run->computer_id);
  g_clear_pointer (&run->current, govorun_scenario_manifest_free);
  g_clear_error (&run->error);
  g_free (run->error_step);
  g_free (run->secret_record);
  g_free (run);
}

/* --- failures ------------------------------------------------------------- */

/* Whole sentences, one per kind of step; %s: the object's name, then the
 * provider's own message (which keeps its error code). */
static char *
what_message (What        what,
              const char *name,
              const char *cause)
{
  switch (what)
    {
    case WHAT_READ:
      return g_strdup_printf (_("Could not read the Voximplant account: %s"), cause);
    case WHAT_CREATE_APPLICATION:
      return g_strdup_printf (_("Could not create the application “%s”: %s"), name, cause);
    case WHAT_CREATE_SCENARIO:
      return g_strdup_printf (_("Could not create the scenario “%s”: %s"), name, cause);
    case WHAT_UPDATE_SCENARIO:
      return g_strdup_printf (_("Could not update the scenario “%s”: %s"), name, cause);
    case WHAT_CREATE_RULE:
      return g_strdup_printf (_("Could not create the routing rule “%s”: %s"), name, cause);
    case WHAT_UPDATE_RULE:
      return g_strdup_printf (_("Could not update the routing rule “%s”: %s"), name, cause);
    case WHAT_BIND:
      return g_strdup_printf (_("Could not bind the numbers %s to the agent: %s"), name, cause);
    case WHAT_UNBIND:
      return g_strdup_printf (_("Could not unbind the numbers %s from the agent: %s"), name, cause);
    case WHAT_DELETE_APPLICATION:
      return g_strdup_printf (_("Could not delete the application “%s”: %s"), name, cause);
    case WHAT_DELETE_SCENARIO:
      return g_strdup_printf (_("Could not delete the scenario “%s”: %s"), name, cause);
    case WHAT_DELETE_RULE:
      return g_strdup_printf (_("Could not delete the routing rule “%s”: %s"), name, cause);
    case WHAT_STORE_SECRET:
      return g_strdup_printf (_("Could not store the ElevenLabs key as the application secret “%s”: %s"), name, cause);
    case WHAT_DELETE_SECRET:
      return g_strdup_printf (_("Could not delete the application secret “%s”: %s"), name, cause);
    case WHAT_SAVE:
    default:
      return g_strdup_printf (_("Could not save the agent: %s"), cause);
    }
}

static gboolean
error_is_permanent (const GError *error)
{
  if (error->domain == GOVORUN_SCENARIO_ERROR)
    return TRUE;
  if (error->domain == GOVORUN_VOXIMPLANT_ERROR)
    return error->code == GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT
           || error->code == GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE;
  return FALSE;
}

/* The keyring has no key for the account, or will not give it (locked,
 * not running). */
static gboolean
key_missing (const GError *error)
{
  return error->domain == GOVORUN_SECRETS_ERROR;
}

/* Keeps the first failure of the run; later ones (from parallel requests)
 * are only reported as failed steps. */
void
_govorun_provisioner_run_fail (Run          *run,
                               const char   *step_id,
                               What          what,
                               const char   *name,
                               const GError *cause)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  const char *hint;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _govorun_provisioner_emit_step (run, step_id, GOVORUN_STEP_FAILED, cause->message);
      if (run->error == NULL)
        {
          run->error = g_error_copy (cause);
          run->error_step = g_strdup (step_id);
        }
      return;
    }

  message = what_message (what, name, cause->message);
  /* The hint names the button that will be there: only a failed apply
   * leaves the agent with Continue. A key the keyring does not give is
   * not fixed by any button here. */
  if (g_error_matches (cause, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_NOT_FOUND))
    hint = _("Enter the account's key again on the Accounts page, then try again.");
  else if (key_missing (cause))
    hint = NULL;   /* a locked or absent keyring: its sentence says what to do */
  else if (run->op == OP_ROLLBACK || run->op == OP_DELETE)
    hint = _("Press Roll back again to finish.");
  else if (run->op == OP_APPLY)
    hint = _("Press Continue to finish.");
  else
    hint = NULL;
  full = hint != NULL ? g_strconcat (message, " ", hint, NULL) : g_strdup (message);
  _govorun_provisioner_emit_step (run, step_id, GOVORUN_STEP_FAILED, full);

  if (run->error != NULL)
    return;
  run->error = g_error_new_literal (GOVORUN_PROVISIONER_ERROR,
                                    key_missing (cause) ? GOVORUN_PROVISIONER_ERROR_ACCOUNT
                                    : error_is_permanent (cause) ? GOVORUN_PROVISIONER_ERROR_STEP_REJECTED
                                                                 : GOVORUN_PROVISIONER_ERROR_STEP_FAILED,
                                    full);
  run->error_step = g_strdup (step_id);
}

void
_govorun_provisioner_set_bad_response (GError     **error,
                                       const char  *method)
{
  g_set_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE,
               _("Voximplant answered %s with data Govorun does not understand. Try again later."),
               method);
}

/* --- stages and requests -------------------------------------------------- */

void
_govorun_provisioner_stage_begin (Run       *run,
                                  StageFunc  next)
{
  run->next = next;
  run->pending = 1;   /* held until _govorun_provisioner_stage_end() */
  run->round_open = FALSE;
}

void
_govorun_provisioner_stage_dec (Run *run)
{
  g_assert (run->pending > 0);
  if (--run->pending > 0)
    return;
  if (run->error == NULL && run->op == OP_APPLY &&
      g_cancellable_is_cancelled (g_task_get_cancellable (run->task)))
    {
      /* Cancel stops an apply here, between steps: what was made is
       * recorded and the agent is left to Continue. */
      run->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                        _("Setup was stopped. Press Continue to finish it."));
      run->error_step = g_strdup ("cancel");
    }
  if (run->error != NULL)
    _govorun_provisioner_finish_failed (run);
  else if (g_task_return_error_if_cancelled (run->task))
    ; /* nothing saved: a cancelled run leaves the agent as it was */
  else
    run->next (run);
}

void
_govorun_provisioner_stage_end (Run *run)
{
  _govorun_provisioner_stage_dec (run);
}

typedef struct
{
  GTask          *task;
  ReplyFunc       func;
  gpointer        data;
  GDestroyNotify  destroy;
} Request;

void
_govorun_provisioner_on_reply (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  Request *req = user_data;
  Run *run = g_task_get_task_data (req->task);

  req->func (run, GOVORUN_VOXIMPLANT_CLIENT (object), result, req->data);
  if (req->destroy != NULL)
    req->destroy (req->data);
  _govorun_provisioner_stage_dec (run);
  g_object_unref (req->task);
  g_free (req);
}

gpointer
_govorun_provisioner_request (Run            *run,
                              ReplyFunc       func,
                              gpointer        data,
                              GDestroyNotify  destroy)
{
  Request *req = g_new0 (Request, 1);

  if (!run->round_open)
    {
      run->rounds++;
      run->round_open = TRUE;
    }
  run->pending++;
  req->task = g_object_ref (run->task);
  req->func = func;
  req->data = data;
  req->destroy = destroy;
  return req;
}

/* --- the steps of bindings ------------------------------------------------ */

void
_govorun_provisioner_emit_binds (Run              *run,
                                 GArray           *ids,
                                 const char       *prefix,
                                 GovorunStepState  state,
                                 const char       *message)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *step_id = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, g_array_index (ids, gint64, i));

      _govorun_provisioner_emit_step (run, step_id, state, message);
    }
}

static char *
numbers_text (Run    *run,
              GArray *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      Phone *phone = g_hash_table_lookup (run->phones, &id);
      const char *digits = phone != NULL ? phone->number : NULL;

      for (guint j = 0; digits == NULL && j < numbers->len; j++)
        if (((GovorunAgentNumber *) g_ptr_array_index (numbers, j))->phone_id == id)
          digits = ((GovorunAgentNumber *) g_ptr_array_index (numbers, j))->number;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (digits != NULL)
        {
          g_autofree char *shown = govorun_format_phone_number_in_text (digits);

          g_string_append (text, shown);
        }
      else
        g_string_append (text, "?");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A binding or unbinding (@prefix) of the numbers @ids failed: the first
 * one's step, with all of them in the message. */
void
_govorun_provisioner_fail_numbers (Run          *run,
                                   GArray       *ids,
                                   const char   *prefix,
                                   What          what,
                                   const GError *error)
{
  g_autofree char *names = numbers_text (run, ids);
  g_autofree char *first = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, g_array_index (ids, gint64, 0));

  _govorun_provisioner_run_fail (run, first, what, names, error);
}
