/* govorun-voximplant-params.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-voximplant-client-private.h"
#include "govorun-util.h"


G_DEFINE_BOXED_TYPE (GovorunVoximplantParams, govorun_voximplant_params,
                     govorun_voximplant_params_copy, govorun_voximplant_params_free)

GovorunVoximplantParams *
govorun_voximplant_params_new (void)
{
  GovorunVoximplantParams *params = g_new0 (GovorunVoximplantParams, 1);

  params->names = g_ptr_array_new_with_free_func (g_free);
  params->values = g_ptr_array_new_with_free_func (g_free);

  return params;
}

GovorunVoximplantParams *
govorun_voximplant_params_copy (const GovorunVoximplantParams *params)
{
  GovorunVoximplantParams *copy;

  g_return_val_if_fail (params != NULL, NULL);

  copy = govorun_voximplant_params_new ();
  for (guint i = 0; i < params->names->len; i++)
    govorun_voximplant_params_add (copy,
                                   g_ptr_array_index (params->names, i),
                                   g_ptr_array_index (params->values, i));

  return copy;
}

void
govorun_voximplant_params_free (GovorunVoximplantParams *params)
{
  if (params == NULL)
    return;

  g_ptr_array_unref (params->names);
  g_ptr_array_unref (params->values);
  g_free (params);
}

void
govorun_voximplant_params_add (GovorunVoximplantParams *params,
                               const char              *name,
                               const char              *value)
{
  g_return_if_fail (params != NULL);
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (value != NULL);

  g_ptr_array_add (params->names, g_strdup (name));
  g_ptr_array_add (params->values, g_strdup (value));
}

void
govorun_voximplant_params_add_int (GovorunVoximplantParams *params,
                                   const char              *name,
                                   gint64                   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  govorun_voximplant_params_add (params, name, buf);
}

void
govorun_voximplant_params_add_bool (GovorunVoximplantParams *params,
                                    const char              *name,
                                    gboolean                 value)
{
  /* Lowercase, as the Node and Go clients send (reference §1.2). */
  govorun_voximplant_params_add (params, name, value ? "true" : "false");
}

void
govorun_voximplant_params_add_list (GovorunVoximplantParams *params,
                                    const char              *name,
                                    const char * const      *values)
{
  g_autofree char *joined = NULL;

  g_return_if_fail (values != NULL);

  joined = g_strjoinv (";", (char **) values);
  govorun_voximplant_params_add (params, name, joined);
}

void
govorun_voximplant_params_add_int_list (GovorunVoximplantParams *params,
                                        const char              *name,
                                        const gint64            *values,
                                        gsize                    n_values)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  g_return_if_fail (values != NULL || n_values == 0);

  for (gsize i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ';');
      g_string_append_printf (joined, "%" G_GINT64_FORMAT, values[i]);
    }

  govorun_voximplant_params_add (params, name, joined->str);
}

void
govorun_voximplant_params_add_timestamp (GovorunVoximplantParams *params,
                                         const char              *name,
                                         GDateTime               *when)
{
  g_autofree char *text = NULL;

  g_return_if_fail (when != NULL);

  text = govorun_format_utc_timestamp (when);
  govorun_voximplant_params_add (params, name, text);
}

/* count / offset of list methods; 0 leaves them out (the server's default). */
GovorunVoximplantParams *
govorun_voximplant_params_new_page (guint count,
                                    guint offset)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  if (count > 0)
    govorun_voximplant_params_add_int (params, "count", count);
  if (offset > 0)
    govorun_voximplant_params_add_int (params, "offset", offset);

  return params;
}

/* Where numbers are sold: the country and category, and the state and
 * region when given (NULL / "" and 0 leave them out). */
GovorunVoximplantParams *
govorun_voximplant_params_new_region (const char *country_code,
                                      const char *phone_category_name,
                                      const char *country_state,
                                      gint64      phone_region_id)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add (params, "country_code", country_code);
  govorun_voximplant_params_add (params, "phone_category_name", phone_category_name);
  if (country_state != NULL && *country_state != '\0')
    govorun_voximplant_params_add (params, "country_state", country_state);
  if (phone_region_id > 0)
    govorun_voximplant_params_add_int (params, "phone_region_id", phone_region_id);

  return params;
}
