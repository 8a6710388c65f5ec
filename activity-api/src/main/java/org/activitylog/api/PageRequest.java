package org.activitylog.api;

/**
 * Which page of a listing to return, numbered from 1.
 *
 * <p>The model sets no upper bound on the size: how large a page a requester may ask for is the
 * facade's setting ({@code ActivityLog.Builder.maxPageSize}, 100 by default), and a store serves
 * any size it is given.
 *
 * @param page the page number, 1 or more
 * @param size the page size, {@value #MIN_SIZE} or more
 */
public record PageRequest(int page, int size) {

  /** The page size when none is given. */
  public static final int DEFAULT_SIZE = 20;

  /** The smallest page size. */
  public static final int MIN_SIZE = 1;

  /** The first page of {@value #DEFAULT_SIZE}. */
  public static final PageRequest DEFAULT = new PageRequest(1, DEFAULT_SIZE);

  /**
   * Checks the bounds; errors name {@code page} or {@code page_size}.
   *
   * @param page the page number, 1 or more
   * @param size the page size, {@value #MIN_SIZE} or more
   */
  public PageRequest {
    if (page < 1) {
      throw new ValidationException("page", "must be 1 or more", page);
    }
    if (size < MIN_SIZE) {
      throw new ValidationException("page_size", "must be " + MIN_SIZE + " or more", size);
    }
  }

  /**
   * {@return a page request}
   *
   * @param page the page number, 1 or more
   * @param size the page size
   */
  public static PageRequest of(int page, int size) {
    return new PageRequest(page, size);
  }

  /** {@return how many items come before this page} */
  public long offset() {
    return (long) (page - 1) * size;
  }
}
