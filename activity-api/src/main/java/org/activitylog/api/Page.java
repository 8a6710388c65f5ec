package org.activitylog.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, with Brightidea's stats: {@code total}, {@code page_count} and {@code
 * current_page}. A page past the end is empty and its stats still describe the whole listing.
 *
 * @param items the items of this page, in order
 * @param total how many items the whole listing has
 * @param currentPage the page number that was requested
 * @param pageSize the page size that was requested
 * @param <T> the item type
 */
public record Page<T>(List<T> items, long total, int currentPage, int pageSize) {

  /**
   * Copies the items and checks the numbers.
   *
   * @param items the items of this page, in order
   * @param total how many items the whole listing has
   * @param currentPage the page number that was requested
   * @param pageSize the page size that was requested
   */
  public Page {
    items = List.copyOf(items);
    if (total < 0 || currentPage < 1 || pageSize < 1 || items.size() > pageSize) {
      throw new IllegalArgumentException(
          "inconsistent page: total="
              + total
              + " page="
              + currentPage
              + " size="
              + pageSize
              + " items="
              + items.size());
    }
  }

  /**
   * {@return the page for a request}
   *
   * @param items the items of the page
   * @param total the size of the whole listing
   * @param request the request that produced it
   * @param <T> the item type
   */
  public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
    return new Page<>(items, total, request.page(), request.size());
  }

  /** {@return how many pages the whole listing has: 0 when it is empty} */
  public int pageCount() {
    return (int) ((total + pageSize - 1) / pageSize);
  }

  /** {@return whether a page follows this one} */
  public boolean hasNext() {
    return currentPage < pageCount();
  }

  /**
   * {@return the same page with every item converted}
   *
   * @param mapper the conversion
   * @param <R> the new item type
   */
  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total, currentPage, pageSize);
  }
}
