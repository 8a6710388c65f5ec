package org.activitylog.api;

/**
 * Which page of a listing to return, numbered from 1.
 *
 * @param page the page number, 1 or more
 * @param size the page size, {@value #MIN_SIZE} to {@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

  /** The page size when none is given. */
  public static final int DEFAULT_SIZE = 20;

  /** The smallest page size. */
  public static final int MIN_SIZE = 1;

  /** The largest page size. */
  public static final int MAX_SIZE = 100;

  /** The first page of {@value #DEFAULT_SIZE}. */
  public static final PageRequest DEFAULT = new PageRequest(1, DEFAULT_SIZE);

  /**
   * Checks the bounds; errors name {@code page} or {@code page_size}.
   *
   * @param page the page number, 1 or more
   * @param size the page size, {@value #MIN_SIZE} to {@value #MAX_SIZE}
   */
  public PageRequest {
    if (page < 1) {
      throw new ValidationException("page", "must be 1 or more", page);
    }
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new ValidationException(
          "page_size", "must be between " + MIN_SIZE + " and " + MAX_SIZE, size);
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
