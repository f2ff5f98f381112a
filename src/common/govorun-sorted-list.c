/* govorun-sorted-list.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-sorted-list.h"

typedef struct
{
  GPtrArray                *items;
  GType                     item_type;
  GCompareFunc              compare;
  GovorunSortedListKeyFunc  key;
} GovorunSortedListPrivate;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (GovorunSortedList, govorun_sorted_list, G_TYPE_OBJECT,
                         G_ADD_PRIVATE (GovorunSortedList)
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PRIV(self) ((GovorunSortedListPrivate *) govorun_sorted_list_get_instance_private (self))

static GType
list_model_get_item_type (GListModel *model)
{
  return PRIV (GOVORUN_SORTED_LIST (model))->item_type;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return PRIV (GOVORUN_SORTED_LIST (model))->items->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  GovorunSortedListPrivate *priv = PRIV (GOVORUN_SORTED_LIST (model));

  if (position >= priv->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (priv->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
changed (GovorunSortedList *self,
         guint              position,
         guint              removed,
         guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static int
compare_ptrs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GCompareFunc compare = user_data;

  return compare (*(gpointer *) a, *(gpointer *) b);
}

/* Where @item belongs among the others (it is not in the list). */
static guint
sorted_position (GovorunSortedListPrivate *priv,
                 gpointer                  item)
{
  guint low = 0, high = priv->items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (priv->compare (g_ptr_array_index (priv->items, mid), item) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
govorun_sorted_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GovorunSortedList *self = GOVORUN_SORTED_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, PRIV (self)->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_sorted_list_dispose (GObject *object)
{
  GovorunSortedListPrivate *priv = PRIV (GOVORUN_SORTED_LIST (object));

  /* Items may point back at their list's owner: break cycles here. */
  g_ptr_array_set_size (priv->items, 0);

  G_OBJECT_CLASS (govorun_sorted_list_parent_class)->dispose (object);
}

static void
govorun_sorted_list_finalize (GObject *object)
{
  g_ptr_array_unref (PRIV (GOVORUN_SORTED_LIST (object))->items);

  G_OBJECT_CLASS (govorun_sorted_list_parent_class)->finalize (object);
}

static void
govorun_sorted_list_class_init (GovorunSortedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = govorun_sorted_list_get_property;
  object_class->dispose = govorun_sorted_list_dispose;
  object_class->finalize = govorun_sorted_list_finalize;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_sorted_list_init (GovorunSortedList *self)
{
  PRIV (self)->items = g_ptr_array_new_with_free_func (g_object_unref);
  PRIV (self)->item_type = G_TYPE_OBJECT;
}

void
govorun_sorted_list_setup (GovorunSortedList        *self,
                           GType                     item_type,
                           GCompareFunc              compare,
                           GovorunSortedListKeyFunc  key)
{
  GovorunSortedListPrivate *priv;

  g_return_if_fail (GOVORUN_IS_SORTED_LIST (self));
  g_return_if_fail (compare != NULL && key != NULL);

  priv = PRIV (self);
  priv->item_type = item_type;
  priv->compare = compare;
  priv->key = key;
}

gboolean
govorun_sorted_list_find_position (GovorunSortedList *self,
                                   const char        *key,
                                   guint             *out_position)
{
  GovorunSortedListPrivate *priv;

  g_return_val_if_fail (GOVORUN_IS_SORTED_LIST (self), FALSE);

  priv = PRIV (self);
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < priv->items->len; i++)
    if (g_strcmp0 (priv->key (g_ptr_array_index (priv->items, i)), key) == 0)
      {
        if (out_position != NULL)
          *out_position = i;
        return TRUE;
      }
  return FALSE;
}

gpointer
govorun_sorted_list_find (GovorunSortedList *self,
                          const char        *key)
{
  guint pos;

  if (!govorun_sorted_list_find_position (self, key, &pos))
    return NULL;
  return g_ptr_array_index (PRIV (self)->items, pos);
}

gpointer
govorun_sorted_list_peek (GovorunSortedList *self,
                          guint              position)
{
  g_return_val_if_fail (GOVORUN_IS_SORTED_LIST (self), NULL);
  g_return_val_if_fail (position < PRIV (self)->items->len, NULL);

  return g_ptr_array_index (PRIV (self)->items, position);
}

guint
govorun_sorted_list_get_length (GovorunSortedList *self)
{
  g_return_val_if_fail (GOVORUN_IS_SORTED_LIST (self), 0);

  return PRIV (self)->items->len;
}

void
govorun_sorted_list_insert (GovorunSortedList *self,
                            gpointer           item)
{
  GovorunSortedListPrivate *priv;
  guint pos;

  g_return_if_fail (GOVORUN_IS_SORTED_LIST (self));
  g_return_if_fail (G_IS_OBJECT (item));

  priv = PRIV (self);
  pos = sorted_position (priv, item);
  g_ptr_array_insert (priv->items, pos, g_object_ref (item));
  changed (self, pos, 0, 1);
}

gboolean
govorun_sorted_list_remove (GovorunSortedList *self,
                            const char        *key)
{
  guint pos;

  if (!govorun_sorted_list_find_position (self, key, &pos))
    return FALSE;
  g_ptr_array_remove_index (PRIV (self)->items, pos);
  changed (self, pos, 1, 0);
  return TRUE;
}

void
govorun_sorted_list_resort (GovorunSortedList *self,
                            gpointer           item)
{
  GovorunSortedListPrivate *priv;
  g_autoptr(GObject) keep = NULL;
  guint old_pos, new_pos;

  g_return_if_fail (GOVORUN_IS_SORTED_LIST (self));

  priv = PRIV (self);
  if (!govorun_sorted_list_find_position (self, priv->key (item), &old_pos))
    return;

  keep = g_object_ref (g_ptr_array_index (priv->items, old_pos));
  g_ptr_array_remove_index (priv->items, old_pos);
  new_pos = sorted_position (priv, keep);
  g_ptr_array_insert (priv->items, new_pos, g_object_ref (keep));

  /* In place, views that show the item as a whole redraw it. */
  if (old_pos == new_pos)
    {
      changed (self, old_pos, 1, 1);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
}

void
govorun_sorted_list_replace_all (GovorunSortedList *self,
                                 GPtrArray         *items)
{
  GovorunSortedListPrivate *priv;
  guint removed;

  g_return_if_fail (GOVORUN_IS_SORTED_LIST (self));
  g_return_if_fail (items != NULL);

  priv = PRIV (self);
  removed = priv->items->len;
  g_ptr_array_set_size (priv->items, 0);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (priv->items, g_object_ref (g_ptr_array_index (items, i)));
  g_ptr_array_sort_with_data (priv->items, compare_ptrs, priv->compare);
  if (removed > 0 || priv->items->len > 0)
    changed (self, 0, removed, priv->items->len);
}

void
govorun_sorted_list_clear (GovorunSortedList *self)
{
  GovorunSortedListPrivate *priv;
  guint removed;

  g_return_if_fail (GOVORUN_IS_SORTED_LIST (self));

  priv = PRIV (self);
  removed = priv->items->len;
  g_ptr_array_set_size (priv->items, 0);
  if (removed > 0)
    changed (self, 0, removed, 0);
}
