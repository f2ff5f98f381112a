/* govorun-account-store-model.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store-private.h"

/* The GListModel side: the ready accounts, sorted by kind, then display
 * name (then uuid, so the order is total). */

static int
compare_accounts (GovorunAccount *a,
                  GovorunAccount *b)
{
  GovorunAccountKind ka = govorun_account_get_kind (a);
  GovorunAccountKind kb = govorun_account_get_kind (b);
  int cmp;

  if (ka != kb)
    return ka < kb ? -1 : 1;
  cmp = g_utf8_collate (govorun_account_get_display_name (a) ?: "",
                        govorun_account_get_display_name (b) ?: "");
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (govorun_account_get_uuid (a), govorun_account_get_uuid (b));
}

/* g_ptr_array_sort () passes pointers to the elements. */
int
_govorun_account_store_compare_ptrs (gconstpointer a,
                                     gconstpointer b)
{
  return compare_accounts (*(GovorunAccount **) a, *(GovorunAccount **) b);
}

static guint
sorted_position (GovorunAccountStore *self,
                 GovorunAccount      *account)
{
  guint pos = 0;

  while (pos < self->accounts->len &&
         compare_accounts (g_ptr_array_index (self->accounts, pos), account) < 0)
    pos++;
  return pos;
}

gboolean
_govorun_account_store_find_position (GovorunAccountStore *self,
                                      const char          *uuid,
                                      guint               *out_position)
{
  if (uuid == NULL)
    return FALSE;
  for (guint i = 0; i < self->accounts->len; i++)
    if (g_strcmp0 (govorun_account_get_uuid (g_ptr_array_index (self->accounts, i)), uuid) == 0)
      {
        *out_position = i;
        return TRUE;
      }
  return FALSE;
}

void
_govorun_account_store_model_changed (GovorunAccountStore *self,
                                      guint                position,
                                      guint                removed,
                                      guint                added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify (G_OBJECT (self), "n-items");
}

void
_govorun_account_store_model_insert (GovorunAccountStore *self,
                                     GovorunAccount      *account)
{
  guint pos = sorted_position (self, account);

  g_ptr_array_insert (self->accounts, pos, g_object_ref (account));
  _govorun_account_store_model_changed (self, pos, 0, 1);
}

void
_govorun_account_store_model_remove (GovorunAccountStore *self,
                                     const char          *uuid)
{
  guint pos;

  if (!_govorun_account_store_find_position (self, uuid, &pos))
    return;
  g_ptr_array_remove_index (self->accounts, pos);
  _govorun_account_store_model_changed (self, pos, 1, 0);
}

/* After an account's fields changed: move it if its place changed, and
 * tell views to redraw its row either way. */
void
_govorun_account_store_model_resort (GovorunAccountStore *self,
                                     GovorunAccount      *account)
{
  g_autoptr(GovorunAccount) keep = g_object_ref (account);
  guint old_pos, new_pos;

  if (!_govorun_account_store_find_position (self, govorun_account_get_uuid (account), &old_pos))
    return;

  g_ptr_array_remove_index (self->accounts, old_pos);
  new_pos = sorted_position (self, account);
  g_ptr_array_insert (self->accounts, new_pos, g_object_ref (account));

  if (old_pos == new_pos)
    {
      _govorun_account_store_model_changed (self, old_pos, 1, 1);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
}

static GType
govorun_account_store_get_item_type (GListModel *model)
{
  return GOVORUN_TYPE_ACCOUNT;
}

static guint
govorun_account_store_get_n_items (GListModel *model)
{
  return GOVORUN_ACCOUNT_STORE (model)->accounts->len;
}

static gpointer
govorun_account_store_get_item (GListModel *model,
                                guint       position)
{
  GovorunAccountStore *self = GOVORUN_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

void
_govorun_account_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = govorun_account_store_get_item_type;
  iface->get_n_items = govorun_account_store_get_n_items;
  iface->get_item = govorun_account_store_get_item;
}
