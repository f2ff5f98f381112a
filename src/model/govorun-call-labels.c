/* govorun-call-labels.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-call-labels.h"

const char *
govorun_call_direction_label (GovorunCallDirection direction)
{
  switch (direction)
    {
    case GOVORUN_CALL_DIRECTION_INBOUND:
      return _("Inbound");
    case GOVORUN_CALL_DIRECTION_OUTBOUND:
      return _("Outbound");
    case GOVORUN_CALL_DIRECTION_WEB:
      /* Translators: a conversation on the website's widget, not a phone call */
      return _("Website");
    case GOVORUN_CALL_DIRECTION_UNKNOWN:
    default:
      return NULL;
    }
}

const char *
govorun_call_status_label (GovorunCallStatus status)
{
  switch (status)
    {
    case GOVORUN_CALL_STATUS_ANSWERED:
      return _("Answered");
    case GOVORUN_CALL_STATUS_NO_ANSWER:
      return _("No answer");
    case GOVORUN_CALL_STATUS_BUSY:
      return _("Busy");
    case GOVORUN_CALL_STATUS_FAILED:
      return _("Failed");
    case GOVORUN_CALL_STATUS_IN_PROGRESS:
      return _("In progress");
    case GOVORUN_CALL_STATUS_UNKNOWN:
    default:
      return NULL;
    }
}

const char *
govorun_call_success_label (GovorunCallSuccess success)
{
  switch (success)
    {
    case GOVORUN_CALL_SUCCESS_SUCCESS:
      return _("Successful");
    case GOVORUN_CALL_SUCCESS_FAILURE:
      return _("Unsuccessful");
    case GOVORUN_CALL_SUCCESS_UNKNOWN:
    default:
      return NULL;
    }
}

const char *
govorun_call_criterion_label (const char *result)
{
  /* Translators: an evaluation criterion's result */
  if (g_strcmp0 (result, "success") == 0)
    return _("Success");
  if (g_strcmp0 (result, "failure") == 0)
    return _("Failure");
  if (g_strcmp0 (result, "unknown") == 0)
    return _("Unknown");
  return result;
}

char *
govorun_call_agent_label (GovorunCallRecord *record,
                          const char        *agent_name)
{
  const char *el_name = govorun_call_record_get_el_agent_name (record);
  const char *application = govorun_call_record_get_vox_application_name (record);

  if (agent_name != NULL && *agent_name != '\0')
    return g_strdup (agent_name);
  if (el_name != NULL && *el_name != '\0')
    return g_strdup (el_name);
  /* "clinic.govorun.n3.voximplant.com": the part the owner chose. */
  if (application != NULL && *application != '\0')
    {
      const char *dot = strchr (application, '.');

      return dot != NULL && dot > application ? g_strndup (application, (gsize) (dot - application))
                                              : g_strdup (application);
    }
  /* A removed agent's calls stay; they say so rather than show nothing. */
  if (govorun_call_record_get_agent_uuid (record) != NULL)
    return g_strdup (_("Removed agent"));
  return NULL;
}
